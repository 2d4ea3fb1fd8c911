// What the stored answers add up to: answers per lesson, each lesson's and the whole course's
// figures, and the final evaluation's stored result. Pure reading: nothing here touches the page.

// Answers per lesson URL, from mkdocs-quiz's keys and from ours for matching and ordering questions
// (assets/pasangkan-urutkan.js), whose entries have the same shape. A lesson visited under two
// addresses ("x/" and "x/index.html") has two keys; an answered entry wins over an unanswered one,
// a correct one over an incorrect one.
function readAnswers(site, course) {
  var answers = {};
  storageKeys().forEach(function (key) {
    var prefix = [QUIZ_PREFIX, CONTRACT.matchOrderPrefix].filter(function (p) { return key.indexOf(p) === 0; })[0];
    if (!prefix) return;
    var path = site.pagePath(key.slice(prefix.length));
    if (path === null || !course.byUrl[path]) return;
    var stored = readJson(key);
    if (!isObject(stored)) return;
    var merged = answers[path] || (answers[path] = {});
    Object.keys(stored).forEach(function (id) {
      var entry = stored[id];
      if (!isObject(entry) || entry.answered !== true) return;
      var state = { correct: entry.correct === true };
      if (!merged[id] || (state.correct && !merged[id].correct)) merged[id] = state;
    });
  });
  return answers;
}

function lessonStats(lesson, answers) {
  var stored = answers[lesson.url] || {};
  var answered = 0;
  var correct = 0;
  lesson.questions.forEach(function (id) {
    if (Object.prototype.hasOwnProperty.call(stored, id)) {
      answered++;
      if (stored[id].correct) correct++;
    }
  });
  var total = lesson.questions.length;
  var status = answered === 0 ? "todo" : answered >= total ? "done" : "started";
  var stats = { answered: answered, correct: correct, total: total, status: status };
  stats.mastery = masteryOf(stats);
  return stats;
}

// Universitas Terbuka's tingkat penguasaan of a lesson whose questions are all answered: correct ÷
// questions × 100, rounded down (79.5 % has not reached 80 %), its band, and whether the student
// may move on; null while the quiz is unfinished. The mark and the bands are the course's rules.
function masteryOf(stats) {
  if (stats.status !== "done" || stats.total <= 0) return null;
  var level = Math.floor((stats.correct * 100) / stats.total);
  return { level: level, band: masteryBand(level), mastered: level >= CONTRACT.masteryMark };
}

function masteryBand(level) {
  var bands = CONTRACT.masteryBands;
  for (var i = 0; i < bands.length; i++) {
    if (level >= bands[i].from) return bands[i].name;
  }
  return bands[bands.length - 1].name;
}

// The bands as a reader sees them: [{range: "80–89 %", name: "baik"}, ...] (as the book prints them,
// scripts/exports/formative.py band_rows).
function masteryRanges() {
  var bands = CONTRACT.masteryBands;
  return bands.map(function (band, index) {
    var upper = index ? bands[index - 1].from - 1 : 100;
    var range = band.from === 0 && index ? "di bawah " + (upper + 1) + " %" : band.from + "\u2013" + upper + " %";
    return { range: range, name: band.name };
  });
}

function isMastered(stats) {
  return Boolean(stats.mastery && stats.mastery.mastered);
}

// Every lesson's figures by module, the course's totals and the first lesson (in course order)
// not yet mastered: its quiz unfinished, or finished below the mastery mark.
function courseStats(course, answers) {
  var totals = { answered: 0, correct: 0, total: 0, lessons: 0, finished: 0, mastered: 0, next: null };
  var modules = course.modules.map(function (module) {
    var rows = module.lessons.map(function (lesson) {
      var stats = lessonStats(lesson, answers);
      totals.answered += stats.answered;
      totals.correct += stats.correct;
      totals.total += stats.total;
      totals.lessons++;
      if (stats.status === "done") totals.finished++;
      if (isMastered(stats)) totals.mastered++;
      else if (!totals.next) totals.next = lesson;
      return { lesson: lesson, stats: stats };
    });
    return { title: module.title, rows: rows };
  });
  return { modules: modules, totals: totals };
}

// The place assets/kursus.js recorded: the lesson read last and the section there, checked
// before use; null when there is none or it is not a lesson of this course.
function readReading(site, course) {
  var stored = readJson(site.key(KEYS.reading));
  if (!isObject(stored) || typeof stored.last !== "string" || !isObject(stored.pages)) return null;
  var place = stored.pages[stored.last];
  var lesson = course.byUrl[canonicalPath(stored.last)];
  if (!lesson || !isObject(place)) return null;
  var id = typeof place.id === "string" && /^[\w-]+$/.test(place.id) ? place.id : "";
  return { lesson: lesson, id: id, section: id && typeof place.section === "string" ? place.section : "" };
}

// Where "Lanjutkan" leads, from courseStats and readReading: the lesson read last, at its section,
// while it is not yet mastered (the student is in the middle of it); otherwise the first lesson in
// course order not yet mastered (quiz unfinished or below the mastery mark); null when every
// lesson is mastered.
function resumeTarget(stats, place) {
  var current = null;
  stats.modules.forEach(function (module) {
    module.rows.forEach(function (row) {
      if (place && row.lesson === place.lesson) current = row;
    });
  });
  if (current && !isMastered(current.stats)) return { lesson: place.lesson, id: place.id, section: place.section };
  return stats.totals.next ? { lesson: stats.totals.next, id: "", section: "" } : null;
}

// The final evaluation's stored result, checked field by field.
function readResult(site) {
  var result = readJson(site.key(KEYS.result));
  if (!isObject(result) || result.version !== CONTRACT.resultVersion) return null;
  var numbers = ["score", "correct", "total", "pass_mark"];
  for (var i = 0; i < numbers.length; i++) {
    var value = result[numbers[i]];
    if (typeof value !== "number" || !isFinite(value) || value < 0) return null;
  }
  if (result.correct > result.total || result.score > 100) return null;
  if (typeof result.date !== "string" || isNaN(new Date(result.date).getTime())) return null;
  if (!Array.isArray(result.modules)) return null;
  result.modules = result.modules.filter(function (module) {
    return isObject(module) && typeof module.title === "string" && typeof module.correct === "number" &&
      typeof module.total === "number" && module.correct >= 0 && module.correct <= module.total;
  });
  result.answers = isObject(result.answers) ? result.answers : {};
  result.wrong = isStringArray(result.wrong) ? result.wrong : [];
  result.passed = result.score >= result.pass_mark;
  return result;
}

function percent(part, whole) {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}
