"""A small H5P library written for the tests, and content packages built from it in memory at test time.

`H5P.CollectifQuestion 1.0` renders an HTML question (its semantics allow p, strong, em) and two buttons,
« Vrai » and « Faux »; a click emits an xAPI "answered" statement scored 1/1 or 0/1 through H5P's own
EventDispatcher.triggerXAPIScored, as real content types do. It depends on `H5P.CollectifStyle 1.0` (a
stylesheet) so dependency resolution and the shared store are exercised, and packages carry an editor-only
library like real exports. `probe_urls` builds a variant whose script also tries to fetch those URLs from
inside the player and writes what it got into its own page (for the sandbox tests).
"""

import io
import json
import zipfile

MAIN = "H5P.CollectifQuestion"
STYLE = "H5P.CollectifStyle"
EDITOR = "H5PEditor.CollectifQuestion"
MAIN_FOLDER = f"{MAIN}-1.0"
STYLE_FOLDER = f"{STYLE}-1.0"
EDITOR_FOLDER = f"{EDITOR}-1.0"
# The labels and the feedback the tests look for.
TRUE_LABEL, FALSE_LABEL = "Vrai", "Faux"

SEMANTICS = [
    {
        "name": "question",
        "type": "text",
        "widget": "html",
        "label": "Question",
        "tags": ["p", "strong", "em"],
        "importance": "high",
    },
    {"name": "passPercentage", "type": "number", "label": "Seuil de réussite", "min": 0, "max": 100, "default": 100},
    {
        "name": "correct",
        "type": "select",
        "label": "Bonne réponse",
        "options": [{"value": "true", "label": "Vrai"}, {"value": "false", "label": "Faux"}],
        "default": "true",
    },
]

QUESTION_JS = """
var H5P = H5P || {};
H5P.CollectifQuestion = (function () {
  "use strict";

  function CollectifQuestion(params, contentId, extras) {
    H5P.EventDispatcher.call(this);
    this.params = params || {};
    this.contentId = contentId;
    this.extras = extras || {};
  }
  CollectifQuestion.prototype = Object.create(H5P.EventDispatcher.prototype);
  CollectifQuestion.prototype.constructor = CollectifQuestion;

  CollectifQuestion.prototype.attach = function ($container) {
    var self = this;
    var root = $container.get(0);
    root.classList.add("collectif-question");
    var question = document.createElement("div");
    question.className = "collectif-question__text";
    question.innerHTML = self.params.question || "";  // an HTML field, as real content types insert it
    root.appendChild(question);
    var feedback = document.createElement("p");
    feedback.className = "collectif-question__feedback";
    feedback.setAttribute("role", "status");
    ["true", "false"].forEach(function (value) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "collectif-question__answer";
      button.textContent = value === "true" ? "__TRUE__" : "__FALSE__";
      button.addEventListener("click", function () {
        var score = value === (self.params.correct || "true") ? 1 : 0;
        feedback.textContent = "Score : " + score + "/1";
        self.triggerXAPIScored(score, 1, "answered");
      });
      root.appendChild(button);
    });
    root.appendChild(feedback);
    self.setActivityStarted();
    __PROBE__
  };

  return CollectifQuestion;
})();
"""

# Tries each URL from inside the player and writes the outcome (status and the start of the body, or the
# error) into an element the tests read; also tries the cookies and the parent page.
PROBE_JS = """
    var report = document.createElement("pre");
    report.className = "collectif-probe";
    report.textContent = "";
    root.appendChild(report);
    function note(line) { report.textContent += line + "\\n"; }
    try { note("cookie: " + document.cookie); } catch (error) { note("cookie: refused " + error.name); }
    try { note("parent: " + window.parent.parent.document.title); }
    catch (error) { note("parent: refused " + error.name); }
    var urls = __URLS__;
    var pending = urls.length;
    urls.forEach(function (url) {
      fetch(url, { credentials: "include" })
        .then(function (response) {
          return response.text().then(function (text) {
            note(url + ": " + response.status + " " + text.slice(0, 4000));
          });
        })
        .catch(function (error) { note(url + ": refused " + error.name); })
        .then(function () { pending -= 1; if (!pending) { report.setAttribute("data-done", "true"); } });
    });
"""

STYLE_CSS = ".collectif-question { font-family: system-ui, sans-serif; padding: 1rem; }\n"


def library_json(machine_name, title, patch=0, preloaded_js=(), preloaded_css=(), dependencies=(), runnable=0):
    data = {
        "title": title,
        "machineName": machine_name,
        "majorVersion": 1,
        "minorVersion": 0,
        "patchVersion": patch,
        "runnable": runnable,
        "license": "MIT",
        "author": "Collectif (tests)",
        "coreApi": {"majorVersion": 1, "minorVersion": 24},
        "embedTypes": ["iframe"],
    }
    if preloaded_js:
        data["preloadedJs"] = [{"path": path} for path in preloaded_js]
    if preloaded_css:
        data["preloadedCss"] = [{"path": path} for path in preloaded_css]
    if dependencies:
        data["preloadedDependencies"] = [
            {"machineName": name, "majorVersion": 1, "minorVersion": 0} for name in dependencies
        ]
    return data


def question_js(probe_urls=()):
    probe = PROBE_JS.replace("__URLS__", json.dumps(list(probe_urls))) if probe_urls else ""
    return QUESTION_JS.replace("__TRUE__", TRUE_LABEL).replace("__FALSE__", FALSE_LABEL).replace("__PROBE__", probe)


def library_entries(patch=0, probe_urls=()):
    """{name: bytes} of the kit's libraries (main, style and editor), as a full export carries them."""
    main = library_json(
        MAIN,
        "Question Collectif (tests)",
        patch=patch,
        preloaded_js=["scripts/collectif-question.js"],
        dependencies=[STYLE],
        runnable=1,
    )
    main["editorDependencies"] = [{"machineName": EDITOR, "majorVersion": 1, "minorVersion": 0}]
    style = library_json(STYLE, "Style Collectif (tests)", preloaded_css=["styles/collectif.css"])
    editor = library_json(EDITOR, "Éditeur de la question Collectif (tests)")
    return {
        f"{MAIN_FOLDER}/library.json": _json(main),
        f"{MAIN_FOLDER}/semantics.json": _json(SEMANTICS),
        f"{MAIN_FOLDER}/scripts/collectif-question.js": question_js(probe_urls).encode(),
        f"{STYLE_FOLDER}/library.json": _json(style),
        f"{STYLE_FOLDER}/styles/collectif.css": STYLE_CSS.encode(),
        f"{EDITOR_FOLDER}/library.json": _json(editor),
    }


def content_entries(
    title="Question Collectif", question="<p>Le <strong>CCAS</strong> est communal.</p>", correct="true"
):
    """{name: bytes} of h5p.json and content/: what a content-only export contains."""
    h5p_json = {
        "title": title,
        "language": "fr",
        "mainLibrary": MAIN,
        "embedTypes": ["iframe"],
        "license": "U",
        "preloadedDependencies": [
            {"machineName": MAIN, "majorVersion": 1, "minorVersion": 0},
            {"machineName": STYLE, "majorVersion": 1, "minorVersion": 0},
        ],
    }
    content = {"question": question, "passPercentage": 100, "correct": correct}
    return {"h5p.json": _json(h5p_json), "content/content.json": _json(content)}


def package_entries(with_libraries=True, patch=0, probe_urls=(), **content):
    entries = content_entries(**content)
    if with_libraries:
        entries.update(library_entries(patch=patch, probe_urls=probe_urls))
    return entries


def build_zip(entries, symlinks=(), compression=zipfile.ZIP_DEFLATED):
    """A zip from {name: bytes}; names in `symlinks` get the Unix symlink mode."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as zf:
        for name, data in entries.items():
            info = zipfile.ZipInfo(name)
            info.compress_type = compression
            if name in symlinks:
                info.create_system = 3
                info.external_attr = (0o120777 << 16) | 0
            zf.writestr(info, data)
    return buffer.getvalue()


def package(with_libraries=True, patch=0, probe_urls=(), **content):
    """The bytes of a .h5p package: a full export by default, content only with with_libraries=False."""
    return build_zip(package_entries(with_libraries=with_libraries, patch=patch, probe_urls=probe_urls, **content))


def _json(data):
    return json.dumps(data, ensure_ascii=False, indent=2).encode()
