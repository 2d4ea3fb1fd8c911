// Ulang soal (spaced review): a Leitner schedule of every practice question of the course, kept in
// this browser. Pure reading and writing of the schedule; the Ulang soal page (review-page.js) asks
// the questions that are due, and review-due.js counts them on the home page and the dashboard.
//
// Stored under CONTRACT.reviewPrefix + the site root's path, as
//   {"version": CONTRACT.reviewVersion, "items": {"soal-<id>": {"box": n, "due": "YYYY-MM-DD", "lesson": "c"}}}
//   box     1 ... the number of boxes (CONTRACT.reviewDays), or 0 once retired
//   due     the local calendar day the question is asked again ("" when retired); a question in
//           box n is due CONTRACT.reviewDays[n - 1] days after it was answered
//   lesson  the answer last seen in the question's lesson: "c" right, "w" wrong, "" none, so that a
//           changed lesson answer is acted on once
// The rules (scripts/core/aturan-kursus.yml, ulang_soal): a wrong answer, in a lesson or on Ulang
// soal, puts the question in box 1; a right answer on Ulang soal moves it up one box, and a right
// answer in the last box retires it; a question first answered right in its lesson enters box
// CONTRACT.reviewLessonBox, so that it comes back after a while rather than tomorrow. Lesson
// answers are read from mkdocs-quiz's storage whenever a page runs these scripts, so answers given
// before this feature existed join the schedule on the next visit. Days are the student's local
// calendar days: a question missed in the evening is due the next morning, not 24 hours later.

var REVIEW_DAYS = CONTRACT.reviewDays;
var REVIEW_LESSON_BOX = CONTRACT.reviewLessonBox;
var REVIEW_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function hasOwn(object, key) {
  return Object.prototype.hasOwnProperty.call(object, key);
}

// "YYYY-MM-DD" of a Date, in the browser's own time zone.
function dayOf(date) {
  var pad = function (number) { return (number < 10 ? "0" : "") + number; };
  return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
}

// The Date (local midnight) of a day string, or null when it names no real day.
function dateOfDay(day) {
  var parts = typeof day === "string" ? REVIEW_DAY.exec(day) : null;
  if (!parts) return null;
  var date = new Date(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3]));
  return dayOf(date) === day ? date : null;
}

function addDays(day, count) {
  var date = dateOfDay(day);
  return dayOf(new Date(date.getFullYear(), date.getMonth(), date.getDate() + count));
}

// Whole days from `from` to `to` (both day strings); calendar days, whatever the clock changes.
function daysBetween(from, to) {
  var start = dateOfDay(from);
  var end = dateOfDay(to);
  return Math.round((Date.UTC(end.getFullYear(), end.getMonth(), end.getDate()) -
    Date.UTC(start.getFullYear(), start.getMonth(), start.getDate())) / 86400000);
}

// How a due day reads next to today: "besok, Kamis, 3 Desember 2026".
function dueDayText(day, today) {
  var date = dateOfDay(day);
  var name;
  try {
    name = date.toLocaleDateString("id-ID", { weekday: "long", day: "numeric", month: "long", year: "numeric" });
  } catch (error) {
    name = day;
  }
  var ahead = daysBetween(today, day);
  if (ahead <= 0) return "hari ini";
  return (ahead === 1 ? "besok" : ahead + " hari lagi") + ", " + name;
}

function emptyReview() {
  return { version: CONTRACT.reviewVersion, items: {} };
}

// Each practice question of the course, by id, with its lesson.
function courseQuestionIndex(course) {
  var index = {};
  course.modules.forEach(function (module) {
    module.lessons.forEach(function (lesson) {
      lesson.questions.forEach(function (id) { index[id] = lesson; });
    });
  });
  return index;
}

// The stored schedule, entry by entry: an entry of another shape, for a question the course does
// not have, or with a box or day that cannot be, is dropped; a schedule of another version is not
// read at all. Nothing stored is ever shown as HTML.
function readReview(site, course) {
  var stored = readJson(site.key(KEYS.review));
  var review = emptyReview();
  if (!isObject(stored) || stored.version !== CONTRACT.reviewVersion || !isObject(stored.items)) return review;
  var known = courseQuestionIndex(course);
  Object.keys(stored.items).forEach(function (id) {
    var entry = stored.items[id];
    if (!hasOwn(known, id) || !isObject(entry)) return;
    var box = entry.box;
    if (typeof box !== "number" || box % 1 !== 0 || box < 0 || box > REVIEW_DAYS.length) return;
    if (box > 0 && !dateOfDay(entry.due)) return;
    var lesson = entry.lesson === "c" || entry.lesson === "w" ? entry.lesson : "";
    review.items[id] = { box: box, due: box > 0 ? entry.due : "", lesson: lesson };
  });
  return review;
}

function writeReview(site, review) {
  return storageSet(site.key(KEYS.review), JSON.stringify(review));
}

function boxEntry(box, today, lesson) {
  return { box: box, due: addDays(today, REVIEW_DAYS[box - 1]), lesson: lesson };
}

// The lesson answers (stats.js readAnswers) taken into `review` on `today`; true when it changed.
// A lesson answer that turns right after a wrong one (Coba lagi after reading the explanation)
// leaves the schedule as it is: the question was missed and comes back.
function syncReview(review, course, answers, today) {
  var changed = false;
  course.modules.forEach(function (module) {
    module.lessons.forEach(function (lesson) {
      var stored = answers[lesson.url] || {};
      lesson.questions.forEach(function (id) {
        var seen = hasOwn(stored, id) ? (stored[id].correct ? "c" : "w") : "";
        var entry = hasOwn(review.items, id) ? review.items[id] : null;
        if (entry ? entry.lesson === seen : seen === "") return;
        changed = true;
        if (seen === "w") review.items[id] = boxEntry(1, today, "w");
        else if (!entry) review.items[id] = boxEntry(REVIEW_LESSON_BOX, today, "c");
        else entry.lesson = seen;
      });
    });
  });
  return changed;
}

// An answer given on the Ulang soal page, on `today`: the entry as it is now.
function recordReview(review, id, correct, today) {
  var entry = hasOwn(review.items, id) ? review.items[id] : null;
  var lesson = entry ? entry.lesson : "";
  var box = correct && entry && entry.box > 0 ? entry.box + 1 : 1;
  review.items[id] = box > REVIEW_DAYS.length ? { box: 0, due: "", lesson: lesson } : boxEntry(box, today, lesson);
  return review.items[id];
}

// The questions due on `today`, in course order.
function dueQuestions(review, course, today) {
  var due = [];
  course.modules.forEach(function (module) {
    module.lessons.forEach(function (lesson) {
      lesson.questions.forEach(function (id) {
        var entry = hasOwn(review.items, id) ? review.items[id] : null;
        if (entry && entry.box > 0 && entry.due <= today) due.push(id);
      });
    });
  });
  return due;
}

// When the next question falls due after `today`, and how many then: {day, count}, or null when
// nothing is scheduled (nothing answered yet, or every question retired).
function nextReview(review, today) {
  var next = null;
  Object.keys(review.items).forEach(function (id) {
    var entry = review.items[id];
    if (entry.box === 0 || entry.due <= today) return;
    if (!next || entry.due < next.day) next = { day: entry.due, count: 1 };
    else if (entry.due === next.day) next.count++;
  });
  return next;
}

// The schedule on `today` with every lesson answer taken in (written back when that changed it).
function refreshReview(site, course, today) {
  var review = readReview(site, course);
  if (syncReview(review, course, readAnswers(site, course), today)) writeReview(site, review);
  return review;
}
