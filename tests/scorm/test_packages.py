"""SCORM packages are checked before anything is stored: manifest parsed safely, launch page and listed files
present, only static web files; every refusal in French, naming the problem."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from core.archives import ArchiveError
from scorm import packages
from tests import scorm_kit

XXE_MANIFEST = """<?xml version="1.0"?>
<!DOCTYPE manifest [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<manifest identifier="x" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2">
  <metadata><schemaversion>1.2</schemaversion></metadata>
  <organizations default="o"><organization identifier="o"><title>&secret;</title>
    <item identifier="i" identifierref="r"><title>t</title></item></organization></organizations>
  <resources><resource identifier="r" href="index.html"><file href="index.html"/></resource></resources>
</manifest>
"""


def upload(files):
    return SimpleUploadedFile("module.zip", scorm_kit.zip_files(files), content_type="application/zip")


def refusal(files):
    with pytest.raises(ArchiveError) as caught, packages.inspect(upload(files)):
        pass
    return " ".join(caught.value.messages)


@pytest.mark.parametrize(("version", "expected"), [("1.2", "1.2"), ("2004", "2004")])
def test_a_valid_module_gives_its_version_title_and_launch_page(version, expected):
    with packages.inspect(upload(scorm_kit.files_for(version, title="Aller vers"))) as inspected:
        assert inspected.version == expected
        assert inspected.title == "Aller vers"
        assert inspected.launch_path == "index.html"
        assert (inspected.root / "sco.js").is_file()


def test_item_parameters_are_kept_on_the_launch_page():
    files = scorm_kit.files_for()
    files["imsmanifest.xml"] = files["imsmanifest.xml"].replace(
        'identifierref="res1"', 'identifierref="res1" parameters="?chapitre=2"'
    )
    with packages.inspect(upload(files)) as inspected:
        assert inspected.launch_path == "index.html?chapitre=2"


def test_external_entities_are_refused():
    files = {**scorm_kit.files_for(), "imsmanifest.xml": XXE_MANIFEST}
    assert "DTD ou des entités XML" in refusal(files)


def test_a_launch_page_outside_the_package_is_refused():
    files = scorm_kit.files_for(href="../../etc/passwd.html")
    assert "tente de sortir du dossier du paquet" in refusal(files)


def test_an_absolute_launch_url_is_refused():
    files = scorm_kit.files_for(href="https://exemple.org/module.html")
    assert "pointe hors du paquet" in refusal(files)


def test_a_missing_launch_page_is_refused():
    files = scorm_kit.files_for()
    del files["index.html"]
    message = refusal(files)
    assert "La page de lancement « index.html » est absente du paquet." in message


def test_a_listed_file_that_is_missing_is_refused():
    files = scorm_kit.files_for()
    del files["sco.js"]
    assert "Le fichier « sco.js » est absent du paquet." in refusal(files)


def test_a_missing_manifest_is_refused():
    files = scorm_kit.files_for()
    del files["imsmanifest.xml"]
    assert "imsmanifest.xml est absent" in refusal(files)


def test_a_broken_manifest_is_refused():
    files = {**scorm_kit.files_for(), "imsmanifest.xml": "<manifest><organizations>"}
    assert "n'est pas un XML valide" in refusal(files)


def test_server_side_files_are_refused():
    files = {**scorm_kit.files_for(), "api/save.php": "<?php system($_GET['c']); ?>"}
    assert "les fichiers .php ne sont pas autorisés dans un paquet SCORM" in refusal(files)


def test_zip_slip_names_are_refused():
    files = {**scorm_kit.files_for(), "../evil.html": "<p>hors du paquet</p>"}
    assert "tente de sortir du dossier du paquet" in refusal(files)


def test_a_file_that_is_not_a_zip_is_refused():
    not_zip = SimpleUploadedFile("module.zip", b"ceci n'est pas une archive")
    with pytest.raises(ArchiveError, match="n'est pas une archive ZIP"), packages.inspect(not_zip):
        pass


def test_an_unknown_version_is_refused():
    files = scorm_kit.files_for()
    files["imsmanifest.xml"] = (
        files["imsmanifest.xml"]
        .replace("<schemaversion>1.2</schemaversion>", "")
        .replace(' xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"', "")
        .replace("adlcp:scormtype", "scormtype")
    )
    assert "n'indique pas sa version SCORM" in refusal(files)


def test_oversized_uploads_are_refused_before_reading(settings):
    settings.SCORM_MAX_UPLOAD_SIZE = 100
    assert "au-delà de la limite" in refusal(scorm_kit.files_for())
