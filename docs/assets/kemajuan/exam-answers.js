// The final evaluation's answers as the page holds them: what a question's inputs say, whether it
// is answered and correct, the draft kept while the exam runs, and the result of a submission.
// The exam must grade exactly as mkdocs-quiz will show it afterwards.

function isBlankQuiz(quiz) {
  return quiz.getAttribute("data-quiz-type") === "fill-blank";
}

function blankInputs(quiz) {
  return Array.prototype.slice.call(quiz.querySelectorAll("input.quiz-blank-input"));
}

function optionInputs(quiz) {
  return Array.prototype.slice.call(quiz.querySelectorAll('input[name="answer"]'));
}

// The same normalisation as assets/kursus.js, which makes mkdocs-quiz accept an answer's listed
// variants.
function normalize(text) {
  return String(text).normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim().replace(/\.+$/, "");
}

function acceptedAnswers(input) {
  var accepted = [];
  try {
    var parsed = JSON.parse(input.getAttribute("data-accept") || "[]");
    if (isStringArray(parsed)) accepted = parsed;
  } catch (error) {
    accepted = [];
  }
  var canonical = input.getAttribute("data-answer");
  if (canonical) accepted.push(canonical);
  return accepted;
}

function selection(quiz) {
  if (isBlankQuiz(quiz)) return blankInputs(quiz).map(function (input) { return input.value; });
  return optionInputs(quiz)
    .filter(function (input) { return input.checked; })
    .map(function (input) { return input.value; });
}

function isAnswered(quiz) {
  if (isBlankQuiz(quiz)) {
    var inputs = blankInputs(quiz);
    return inputs.length > 0 && inputs.every(function (input) { return input.value.trim() !== ""; });
  }
  return optionInputs(quiz).some(function (input) { return input.checked; });
}

function isCorrect(quiz) {
  if (isBlankQuiz(quiz)) {
    var inputs = blankInputs(quiz);
    return inputs.length > 0 && inputs.every(function (input) {
      var given = normalize(input.value);
      return given !== "" && acceptedAnswers(input).some(function (answer) { return normalize(answer) === given; });
    });
  }
  var options = optionInputs(quiz);
  return options.length > 0 && options.every(function (input) {
    return input.checked === (input.getAttribute("data-correct") === "true");
  });
}

function applySelection(quiz, values) {
  var given = isStringArray(values) ? values : [];
  if (isBlankQuiz(quiz)) {
    blankInputs(quiz).forEach(function (input, index) {
      input.value = given[index] !== undefined ? given[index] : "";
    });
  } else {
    optionInputs(quiz).forEach(function (input) {
      input.checked = given.indexOf(input.value) !== -1;
    });
  }
}

// The stored draft's answers by question id; null when nothing is stored at all.
function readDraft(site) {
  if (storageGet(site.key(KEYS.draft)) === null) return null;
  var draft = readJson(site.key(KEYS.draft));
  return isObject(draft) && isObject(draft.answers) ? draft.answers : {};
}

function saveDraft(site, quizzes) {
  var answers = {};
  quizzes.forEach(function (quiz) {
    if (isAnswered(quiz) || selection(quiz).some(function (value) { return value !== ""; })) {
      answers[quiz.id] = selection(quiz);
    }
  });
  storageSet(site.key(KEYS.draft), JSON.stringify({ answers: answers }));
}

// The result of submitting `quizzes` on `date`: the score, per module, the questions answered
// wrongly and every selection, in the shape readResult accepts back.
function scoreExam(quizzes, course, date) {
  var moduleOf = {};
  if (course) {
    course.exam.questions.forEach(function (question) {
      moduleOf[question.id] = typeof question.module === "string" ? question.module : "";
    });
  }
  var modules = [];
  var byTitle = {};
  var answers = {};
  var wrong = [];
  var correct = 0;
  quizzes.forEach(function (quiz) {
    var ok = isCorrect(quiz);
    answers[quiz.id] = selection(quiz);
    if (ok) correct++;
    else wrong.push(quiz.id);
    var title = moduleOf[quiz.id] || "Lainnya";
    if (!byTitle[title]) {
      byTitle[title] = { title: title, correct: 0, total: 0 };
      modules.push(byTitle[title]);
    }
    byTitle[title].total++;
    if (ok) byTitle[title].correct++;
  });
  var total = quizzes.length;
  return {
    version: CONTRACT.resultVersion,
    score: percent(correct, total),
    correct: correct,
    total: total,
    pass_mark: course ? course.exam.passMark : CONTRACT.passMark,
    date: date.toISOString(),
    modules: modules,
    wrong: wrong,
    answers: answers,
  };
}
