"""The course's build script: checks the quiz bank, embeds quizzes in lessons, exports them."""
