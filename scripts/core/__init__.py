"""The course core: read the lessons (docs/) and the quiz bank (quizzes/) into one data model, check
them, and report every problem as `file:line: ...`. Pure Python and PyYAML: nothing here imports
MkDocs, so `python -m scripts check` stays fast and the checks survive a move off MkDocs."""
