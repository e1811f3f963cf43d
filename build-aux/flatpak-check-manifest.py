#!/usr/bin/env python3
"""Check the stable and development Flatpak manifests.

Usage: flatpak-check-manifest.py BASE_ID STABLE.json DEVEL.json

Both manifests must be valid JSON, build ModelCost from the checkout with
meson on the GNOME runtime, pin libxlsxwriter to a release tag and commit and
libcsv to a commit, and grant the sandbox nothing beyond a display and the GPU: no network, no
file system (files go through the portals). They may differ only in the
application id and the development build option.
"""

import json
import re
import sys

FINISH_ARGS = ["--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri"]
XLSX_OPTS = ["-DUSE_SYSTEM_MINIZIP=OFF", "-DBUILD_TESTS=OFF", "-DBUILD_EXAMPLES=OFF"]

errors = []


def expect(ok, path, message):
    if not ok:
        errors.append(f"{path}: {message}")


def module(manifest, name):
    for m in manifest.get("modules", []):
        if isinstance(m, dict) and m.get("name") == name:
            return m
    return None


def check(path, app_id, devel):
    try:
        with open(path, encoding="utf-8") as f:
            m = json.load(f)
    except (OSError, ValueError) as e:
        errors.append(f"{path}: {e}")
        return None

    expect(m.get("id") == app_id, path, f"id must be {app_id}, not {m.get('id')}")
    expect(m.get("runtime") == "org.gnome.Platform", path, "runtime must be org.gnome.Platform")
    expect(m.get("sdk") == "org.gnome.Sdk", path, "sdk must be org.gnome.Sdk")
    version = m.get("runtime-version")
    expect(isinstance(version, str) and re.fullmatch(r"\d+", version or ""), path,
           f"runtime-version must be a GNOME release such as \"49\", not {version!r}")
    expect(m.get("command") == "modelcost", path, "command must be modelcost")

    args = m.get("finish-args", [])
    expect(sorted(args) == sorted(FINISH_ARGS), path,
           f"finish-args must be exactly {FINISH_ARGS}, not {args}")

    names = [x.get("name") for x in m.get("modules", []) if isinstance(x, dict)]
    expect(names and names[-1] == "modelcost", path,
           f"modelcost must be the last module, modules are {names}")

    xlsx = module(m, "libxlsxwriter")
    expect(xlsx is not None, path, "libxlsxwriter module missing")
    if xlsx:
        expect(xlsx.get("buildsystem") == "cmake-ninja", path,
               "libxlsxwriter must build with cmake-ninja")
        for opt in XLSX_OPTS:
            expect(opt in xlsx.get("config-opts", []), path, f"libxlsxwriter needs {opt}")
        sources = xlsx.get("sources", [])
        expect(len(sources) == 1 and sources[0].get("type") == "git", path,
               "libxlsxwriter must come from one git source")
        if sources:
            src = sources[0]
            expect(re.fullmatch(r"v\d+\.\d+\.\d+", src.get("tag", "")), path,
                   "libxlsxwriter must be pinned to a release tag")
            expect(re.fullmatch(r"[0-9a-f]{40}", src.get("commit", "")), path,
                   "libxlsxwriter must be pinned to the tag's commit")

    csv = module(m, "libcsv")
    expect(csv is not None, path, "libcsv module missing")
    if csv:
        expect(csv.get("buildsystem") == "autotools", path, "libcsv must build with autotools")
        git = [s for s in csv.get("sources", []) if isinstance(s, dict) and s.get("type") == "git"]
        expect(len(git) == 1 and re.fullmatch(r"[0-9a-f]{40}", git[0].get("commit", "")), path,
               "libcsv must come from one git source pinned to a commit")

    app = module(m, "modelcost")
    if app:
        expect(app.get("buildsystem") == "meson", path, "modelcost must build with meson")
        sources = app.get("sources", [])
        expect(len(sources) == 1 and sources[0].get("type") == "dir"
               and sources[0].get("path") == "..", path,
               "modelcost must build from the checkout (dir source, path \"..\")")
        has_devel = "-Ddevelopment=true" in app.get("config-opts", [])
        expect(has_devel == devel, path,
               "-Ddevelopment=true belongs to the .Devel manifest only")
    return m


def strip_variant(m):
    """The manifest without the parts the development variant changes."""
    m = json.loads(json.dumps(m))
    for key in ("id", "tags", "desktop-file-name-suffix"):
        m.pop(key, None)
    app = module(m, "modelcost")
    if app:
        opts = [o for o in app.get("config-opts", []) if o != "-Ddevelopment=true"]
        if opts:
            app["config-opts"] = opts
        else:
            app.pop("config-opts", None)
    return m


def main():
    if len(sys.argv) != 4:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    base_id, stable_path, devel_path = sys.argv[1:]
    stable = check(stable_path, base_id, False)
    devel = check(devel_path, base_id + ".Devel", True)
    if stable is not None and devel is not None:
        expect(strip_variant(stable) == strip_variant(devel), devel_path,
               f"differs from {stable_path} beyond the id and the development option")
    for e in errors:
        print("FAIL:", e, file=sys.stderr)
    if not errors:
        print(f"OK: {stable_path}, {devel_path}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
