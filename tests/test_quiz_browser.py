"""A student answering quizzes in Chromium: feedback, explanations, accepted variants, and answers
kept across a reload."""

from __future__ import annotations

from conftest import option, quiz_ready, real_course

from scripts.core.model import Kind, anchor

COURSE = real_course()
QUIZ = next(q for q in COURSE.quizzes if q.lesson.slug == "pengertian-intervensi-sosial")  # the model lesson


def first(kind: Kind, wrong_feedback: bool = False):
    for question in QUIZ.questions:
        if question.kind is kind and (
            not wrong_feedback or any(o.feedback and not o.correct for o in question.options)
        ):
            return question
    raise AssertionError(f"the first lesson has no {kind} question")


def block(page, question):
    return page.locator(f"#{anchor(question)}")


def test_wrong_then_right_answer_shows_feedback_and_explanation(page, server) -> None:
    question = first(Kind.SINGLE, wrong_feedback=True)
    wrong = next(o for o in question.options if not o.correct and o.feedback)
    right = question.correct_options[0]
    page.goto(f"{server}/{QUIZ.lesson.url}")
    quiz_ready(page)
    quiz = block(page, question)

    option(quiz, question, wrong).check()
    quiz.get_by_role("button", name="Periksa jawaban").click()
    feedback = quiz.locator(".quiz-feedback")
    assert feedback.is_visible()
    assert wrong.feedback[:40] in feedback.inner_text()
    assert quiz.get_by_text("Pembahasan.").is_visible()

    quiz.get_by_role("button", name="Coba lagi").click()
    option(quiz, question, right).check()
    quiz.get_by_role("button", name="Periksa jawaban").click()
    assert "tepat" in feedback.inner_text()
    link = quiz.get_by_role("link", name=QUIZ.lesson.heading(question.section).title)
    assert link.get_attribute("href") == f"#{question.section}"


def test_blank_accepts_a_listed_variant_and_answers_survive_reload(page, server) -> None:
    blank = first(Kind.BLANK)
    multiple = first(Kind.MULTIPLE)
    variant = blank.blanks[0].accepted[-1]
    page.goto(f"{server}/{QUIZ.lesson.url}")
    quiz_ready(page)

    quiz = block(page, blank)
    quiz.locator("input.quiz-blank-input").fill(f"  {variant.upper()} ")
    quiz.get_by_role("button", name="Periksa jawaban").click()
    assert "correct" in (quiz.locator("input.quiz-blank-input").get_attribute("class") or "")

    quiz = block(page, multiple)
    for choice in multiple.correct_options:
        option(quiz, multiple, choice).check()
    quiz.get_by_role("button", name="Periksa jawaban").click()
    assert "tepat" in quiz.locator(".quiz-feedback").inner_text()

    page.reload()
    quiz_ready(page)
    total = len(QUIZ.questions)
    assert page.locator("#quiz-progress-sidebar").get_by_text(f"Dijawab: 2 / {total}").is_visible()
    quiz = block(page, multiple)
    for choice in multiple.correct_options:
        assert option(quiz, multiple, choice).is_checked()
    assert quiz.locator(".quiz-feedback").is_visible()
    assert "correct" in (block(page, blank).locator("input.quiz-blank-input").get_attribute("class") or "")


def shown_orders(page) -> dict[str, list[str]]:
    """Per question of the page, the bank indexes of its options in the order shown."""
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('.md-content .quiz[id]')].map(quiz =>
             [quiz.id, [...quiz.querySelectorAll('input[name=answer]')].map(input => input.value)]))"""
    )


def test_options_are_shuffled_on_every_load_and_answers_survive_a_reshuffle(page, server) -> None:
    page.goto(f"{server}/{QUIZ.lesson.url}")
    quiz_ready(page)
    first_orders = shown_orders(page)
    single = first(Kind.SINGLE)
    quiz = block(page, single)
    right = single.correct_options[0]
    option(quiz, single, right).check()
    quiz.get_by_role("button", name="Periksa jawaban").click()

    seen = [first_orders]
    for _ in range(3):
        page.reload()
        quiz_ready(page)
        seen.append(shown_orders(page))
        assert option(block(page, single), single, right).is_checked()  # kept by identity, not position
        assert "correct" in (
            option(block(page, single), single, right).locator("xpath=..").get_attribute("class") or ""
        )
    choice_ids = [anchor(q) for q in QUIZ.questions if q.kind.has_options]
    # Four loads of every choice question: some order must differ (all equal by chance: < 1e-20).
    assert any(orders[qid] != seen[0][qid] for orders in seen[1:] for qid in choice_ids)
    # Each load shows every option exactly once.
    assert all(
        sorted(orders[qid], key=int) == [str(n) for n in range(len(orders[qid]))]
        for orders in seen
        for qid in choice_ids
    )


def test_an_answer_picked_before_the_quiz_script_arrives_keeps_its_place_and_is_graded(page, server) -> None:
    """A lesson loads mkdocs-quiz's script only as the quiz nears the screen (overrides/main.html),
    so on a slow link a student may pick an option first: the script must not shuffle that
    question's options away under the pick (scripts/upstream/mkdocs_quiz.py, SCRIPT_PATCHES)."""
    page.goto(f"{server}/{QUIZ.lesson.url}")
    assert page.evaluate("document.documentElement.dataset.kuis") is None  # far below: not loaded yet
    choice = [q for q in QUIZ.questions if q.kind.has_options]
    picked, untouched = choice[:3], choice[3:]
    assert len(untouched) >= 4
    built = shown_orders(page)
    for question in picked:  # checked without a pointer or focus event, which would start the load
        option(block(page, question), question, question.correct_options[0]).evaluate("input => { input.checked = true; }")
    quiz_ready(page)
    shown = shown_orders(page)
    assert all(shown[anchor(q)] == built[anchor(q)] for q in picked)
    # The others are shuffled as on every load (all in bank order by chance: below 1 in 10^4).
    assert any(shown[anchor(q)] != built[anchor(q)] for q in untouched)
    question = picked[0]
    assert option(block(page, question), question, question.correct_options[0]).is_checked()
    block(page, question).get_by_role("button", name="Periksa jawaban").click()
    assert "tepat" in block(page, question).locator(".quiz-feedback").inner_text()
