#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The application ID, file names and MIME type agree across the desktop file, the D-Bus
service, the metainfo, the icons, the GSettings schema, the MIME definition and the Flatpak
manifest; the manifest parses and keeps the sandbox as narrow as the issue asks."""
import configparser
import json
import os
import sys
import xml.etree.ElementTree as ET

srcdir, desktop_path, metainfo_path, service_path = sys.argv[1:5]
APP_ID = "io.github.flywheelpm.Flywheel"
MIME = "application/x-flywheel-workbook"
results = []


def check(ok, what):
    results.append((bool(ok), what))


def src(*parts):
    return os.path.join(srcdir, *parts)


desktop = configparser.ConfigParser(interpolation=None, strict=True)
desktop.optionxform = str
desktop.read(desktop_path, encoding="utf-8")
entry = desktop["Desktop Entry"]
check(os.path.basename(desktop_path) == APP_ID + ".desktop", "desktop file named after the ID")
check(entry.get("Icon") == APP_ID, "desktop Icon is the ID")
check(entry.get("Exec") == "flywheel %U", "desktop Exec is 'flywheel %U'")
check(MIME in entry.get("MimeType", "").split(";"), "desktop MimeType has the workbook type")
check(entry.get("DBusActivatable") == "true", "desktop file is D-Bus activatable")
check(entry.get("Name[ja]", "") not in ("", entry.get("Name")), "desktop Name[ja] translated")
check(entry.get("Comment[ja]", "") not in ("", entry.get("Comment")), "desktop Comment[ja] translated")
ja_keywords = entry.get("Keywords[ja]", "").split(";")
for word in ("機械学習", "勝ちパターン", "フライホイール", "ユーザーストーリー"):
    check(word in ja_keywords, "Keywords[ja] has " + word)

service = configparser.ConfigParser(interpolation=None)
service.optionxform = str
service.read(service_path, encoding="utf-8")
check(os.path.basename(service_path) == APP_ID + ".service", "D-Bus service named after the ID")
check(service["D-BUS Service"].get("Name") == APP_ID, "D-Bus service Name is the ID")
check(service["D-BUS Service"].get("Exec", "").endswith("/flywheel --gapplication-service"),
      "D-Bus service runs flywheel --gapplication-service")

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
meta = ET.parse(metainfo_path).getroot()
check(meta.findtext("id") == APP_ID, "metainfo id is the ID")
check(os.path.basename(metainfo_path) == APP_ID + ".metainfo.xml", "metainfo named after the ID")
launchable = meta.find("launchable")
check(launchable is not None and launchable.text == APP_ID + ".desktop",
      "metainfo launchable is the desktop file")
check(MIME in [m.text for m in meta.iter("mediatype")], "metainfo provides the MIME type")
check("flywheel" in [b.text for b in meta.iter("binary")], "metainfo provides the binary")
for tag in ("name", "summary"):
    check(any(e.get(XML_LANG) == "ja" for e in meta.findall(tag)), "metainfo %s in Japanese" % tag)
check(any(p.get(XML_LANG) == "ja" for p in meta.find("description")),
      "metainfo description in Japanese")
prefix = "https://raw.githubusercontent.com/flywheelpm/flywheel/main/"
shots = [i.text for i in meta.iter("image")]
check(shots, "metainfo has screenshots")
for url in shots:
    check(url.startswith(prefix) and os.path.isfile(src(url[len(prefix):])),
          "screenshot %s is committed in the repo" % url)
check(all(s.find("caption") is not None for s in meta.iter("screenshot")), "every screenshot has a caption")

scalable = src("data", "icons", "hicolor", "scalable", "apps", APP_ID + ".svg")
symbolic = src("data", "icons", "hicolor", "symbolic", "apps", APP_ID + "-symbolic.svg")
for icon in (scalable, symbolic):
    check(os.path.isfile(icon) and ET.parse(icon).getroot().tag.endswith("svg"),
          "icon %s is an SVG" % os.path.basename(icon))

schema = ET.parse(src("data", APP_ID + ".gschema.xml")).getroot().find("schema")
check(schema.get("id") == APP_ID, "GSettings schema id is the ID")
check(schema.get("path") == "/" + APP_ID.replace(".", "/") + "/", "GSettings path follows the ID")

mime = ET.parse(src("data", APP_ID + ".mime.xml")).getroot()
ns = "{http://www.freedesktop.org/standards/shared-mime-info}"
mime_type = mime.find(ns + "mime-type")
check(mime_type.get("type") == MIME, "MIME definition declares the workbook type")
check([g.get("pattern") for g in mime_type.findall(ns + "glob")] == ["*.flywheel"],
      "MIME glob is *.flywheel")

with open(src("flatpak", APP_ID + ".json"), encoding="utf-8") as f:
    manifest = json.load(f)
check(manifest.get("id") == APP_ID, "Flatpak id is the ID")
check(manifest.get("command") == "flywheel", "Flatpak command is flywheel")
check(manifest.get("runtime") == "org.gnome.Platform" and manifest.get("sdk") == "org.gnome.Sdk",
      "Flatpak on the GNOME runtime")
check(sorted(manifest.get("finish-args", [])) ==
      sorted(["--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"]),
      "Flatpak finish-args are ipc, wayland, fallback-x11 and dri only")
modules = manifest.get("modules", [])
names = [m.get("name") if isinstance(m, dict) else m for m in modules]
check(names and names[-1] == "flywheel", "Flatpak builds flywheel last")
check("libxlsxwriter" in names, "Flatpak builds libxlsxwriter")
app_module = modules[-1] if modules and isinstance(modules[-1], dict) else {}
check(app_module.get("buildsystem") == "meson", "Flatpak builds flywheel with meson")
check(any(s.get("type") == "dir" and os.path.isfile(os.path.join(srcdir, "flatpak", s["path"],
                                                                  "meson.build"))
          for s in app_module.get("sources", [])), "Flatpak builds this source tree")
with open(src("meson.build"), encoding="utf-8") as f:
    check("app_id = '%s'" % APP_ID in f.read(), "meson.build app_id is the ID")

print("1..%d" % len(results))
for n, (ok, what) in enumerate(results, 1):
    print("%s %d - %s" % ("ok" if ok else "not ok", n, what))
sys.exit(0 if all(ok for ok, _ in results) else 1)
