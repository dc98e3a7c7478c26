"""SCORM packages built by the tests: a SCORM 1.2 and a SCORM 2004 module, each one HTML page driving the API.

The page finds the API the standard way (window.API / window.API_1484_11, then the parents), shows the suspend
data it resumes from, and has two buttons: « Mettre en pause » (suspend data, location, exit "suspend") and
« Terminer le module » (score 80 %, passed, normal exit).
"""

import io
import zipfile

MANIFEST_12 = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="collectif-test-12" version="1.0"
    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>{title}</title>
      <item identifier="item1" identifierref="res1"><title>{title}</title></item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res1" type="webcontent" adlcp:scormtype="sco" href="{href}">
      <file href="index.html"/><file href="sco.js"/>
    </resource>
  </resources>
</manifest>
"""

MANIFEST_2004 = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="collectif-test-2004" version="1.0"
    xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>{title}</title>
      <item identifier="item1" identifierref="res1"><title>{title}</title></item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res1" type="webcontent" adlcp:scormType="sco" href="{href}">
      <file href="index.html"/><file href="sco.js"/>
    </resource>
  </resources>
</manifest>
"""

PAGE = """<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><title>{title}</title></head>
<body>
  <main>
    <h1>{title}</h1>
    <p>Reprise depuis : <output id="resumed">…</output></p>
    <p>État : <output id="state">en cours</output></p>
    <button type="button" id="pause">Mettre en pause</button>
    <button type="button" id="finish">Terminer le module</button>
  </main>
  <script src="sco.js"></script>
</body>
</html>
"""

SCO_12 = """
function findAPI(win) {
  for (var depth = 0; depth < 7 && win; depth += 1) {
    if (win.API) { return win.API; }
    if (win.parent === win) { break; }
    win = win.parent;
  }
  return null;
}
var api = findAPI(window);
api.LMSInitialize("");
document.getElementById("resumed").textContent = api.LMSGetValue("cmi.suspend_data") || "début";
document.getElementById("pause").addEventListener("click", function () {
  api.LMSSetValue("cmi.suspend_data", "diapositive=3");
  api.LMSSetValue("cmi.core.lesson_location", "p3");
  api.LMSSetValue("cmi.core.lesson_status", "incomplete");
  api.LMSSetValue("cmi.core.exit", "suspend");
  api.LMSCommit("");
  api.LMSFinish("");
  document.getElementById("state").textContent = "en pause";
});
document.getElementById("finish").addEventListener("click", function () {
  api.LMSSetValue("cmi.core.score.min", "0");
  api.LMSSetValue("cmi.core.score.max", "100");
  api.LMSSetValue("cmi.core.score.raw", "80");
  api.LMSSetValue("cmi.core.lesson_status", "passed");
  api.LMSSetValue("cmi.core.exit", "");
  api.LMSCommit("");
  api.LMSFinish("");
  document.getElementById("state").textContent = "terminé";
});
"""

SCO_2004 = """
function findAPI(win) {
  for (var depth = 0; depth < 7 && win; depth += 1) {
    if (win.API_1484_11) { return win.API_1484_11; }
    if (win.parent === win) { break; }
    win = win.parent;
  }
  return null;
}
var api = findAPI(window);
api.Initialize("");
document.getElementById("resumed").textContent = api.GetValue("cmi.suspend_data") || "début";
document.getElementById("pause").addEventListener("click", function () {
  api.SetValue("cmi.suspend_data", "diapositive=3");
  api.SetValue("cmi.location", "p3");
  api.SetValue("cmi.completion_status", "incomplete");
  api.SetValue("cmi.exit", "suspend");
  api.Commit("");
  api.Terminate("");
  document.getElementById("state").textContent = "en pause";
});
document.getElementById("finish").addEventListener("click", function () {
  api.SetValue("cmi.score.scaled", "0.8");
  api.SetValue("cmi.score.raw", "80");
  api.SetValue("cmi.completion_status", "completed");
  api.SetValue("cmi.success_status", "passed");
  api.SetValue("cmi.exit", "normal");
  api.Commit("");
  api.Terminate("");
  document.getElementById("state").textContent = "terminé";
});
"""


def files_for(version="1.2", title="Animer une réunion d'habitant·es", href="index.html"):
    """The files of a valid module, as {name: text}: change or add some to build a hostile one."""
    manifest = MANIFEST_12 if version == "1.2" else MANIFEST_2004
    return {
        "imsmanifest.xml": manifest.format(title=title, href=href),
        "index.html": PAGE.format(title=title),
        "sco.js": SCO_12 if version == "1.2" else SCO_2004,
    }


def zip_files(files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content.encode() if isinstance(content, str) else content)
    return buffer.getvalue()


def package(version="1.2", **kwargs):
    """A valid SCORM module as zip bytes."""
    return zip_files(files_for(version, **kwargs))
