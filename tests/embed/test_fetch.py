"""Installing TimelineJS: only a tarball with the pinned integrity, only the files served."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

import pytest

from api.embed.fetch import FetchError, install, install_folder, integrity_of, main
from api.embed.manifest import NotInstalled, read_install
from api.embed.pins import TIMELINEJS
from tests.support.embedassets import PACKAGE, pin_for, tarball
from tests.support.servers import free_port, static_server


def _tarball_file(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "timelinejs.tgz"
    path.write_bytes(data)
    return path


def test_the_pin_is_timelinejs_3_with_npm_integrity() -> None:
    assert TIMELINEJS.name == "@knight-lab/timelinejs"
    assert TIMELINEJS.version.split(".")[0] == "3"
    assert TIMELINEJS.integrity.startswith("sha512-") and len(TIMELINEJS.integrity) == 95
    assert TIMELINEJS.licence == "MPL-2.0"
    assert TIMELINEJS.tarball_url() == (
        f"https://registry.npmjs.org/@knight-lab/timelinejs/-/timelinejs-{TIMELINEJS.version}.tgz"
    )
    assert TIMELINEJS.tarball_url("https://mirror.example/npm/").startswith(
        "https://mirror.example/npm/@knight-lab/"
    )


def test_a_verified_tarball_installs_only_what_is_served(tmp_path: Path) -> None:
    data = tarball()
    pin = pin_for(data)
    done = install(tmp_path / "assets", pin, tarball=_tarball_file(tmp_path, data))
    assert done.fetched and done.folder == tmp_path / "assets" / "timelinejs" / pin.version
    installed = sorted(
        p.relative_to(done.folder).as_posix() for p in done.folder.rglob("*") if p.is_file()
    )
    assert installed == [
        "LICENSE",
        "css/fonts/font.default.css",
        "css/icons/tl-icons.woff2",
        "css/themes/timeline.theme.dark.css",
        "css/timeline.css",
        "js/locale/en.json",
        "js/locale/fr.json",
        "js/timeline.js",
        "manifest.json",
    ]
    assert (done.folder / "js/timeline.js").read_bytes() == PACKAGE["package/dist/js/timeline.js"]
    manifest = json.loads((done.folder / "manifest.json").read_text())
    assert manifest["integrity"] == pin.integrity and manifest["version"] == pin.version
    assert set(manifest["modified"]) == {"css/fonts/font.default.css"}
    assert done.folder.stat().st_mode & 0o777 == 0o755  # readable by the server's user
    assert (done.folder / "LICENSE").stat().st_mode & 0o777 == 0o644


def test_font_rules_that_load_from_other_hosts_are_dropped(tmp_path: Path) -> None:
    data = tarball()
    done = install(tmp_path, pin_for(data), tarball=_tarball_file(tmp_path, data))
    css = (done.folder / "css/fonts/font.default.css").read_text()
    assert "gstatic" not in css and "https:" not in css
    assert "font-family: 'Local'" in css  # a font kept with the package stays
    assert ".tl-headline { font-family: 'PT Sans', sans-serif; }" in css
    assert css.startswith("/* content-api: 1 @font-face")


def test_a_tampered_tarball_is_refused_and_nothing_is_installed(tmp_path: Path) -> None:
    data = tarball()
    pin = pin_for(data)
    tampered = bytearray(data)
    tampered[len(tampered) // 2] ^= 0xFF
    with pytest.raises(FetchError, match="does not match its pinned integrity"):
        install(tmp_path / "assets", pin, tarball=_tarball_file(tmp_path, bytes(tampered)))
    assert not install_folder(tmp_path / "assets", pin).exists()


def test_a_different_package_with_a_valid_archive_is_refused(tmp_path: Path) -> None:
    # A well-formed tarball, just not the one pinned: the real pin refuses it.
    data = tarball()
    with pytest.raises(FetchError, match=r"expected sha512-.*got sha512-"):
        install(tmp_path, TIMELINEJS, tarball=_tarball_file(tmp_path, data))
    assert not (tmp_path / "timelinejs").exists()


def test_a_refused_tarball_leaves_the_previous_install_alone(tmp_path: Path) -> None:
    data = tarball()
    pin = pin_for(data)
    done = install(tmp_path, pin, tarball=_tarball_file(tmp_path, data))
    before = read_install(done.folder, pin)
    with pytest.raises(FetchError):
        install(tmp_path, pin, tarball=_tarball_file(tmp_path, data[:-10]), force=True)
    assert read_install(done.folder, pin) == before


def test_an_install_is_kept_and_nothing_is_downloaded_again(tmp_path: Path) -> None:
    data = tarball()
    pin = pin_for(data)
    install(tmp_path, pin, tarball=_tarball_file(tmp_path, data))
    nowhere = f"http://127.0.0.1:{free_port()}"  # nothing listens: a download would fail
    again = install(tmp_path, pin, registry=nowhere)
    assert not again.fetched and again.files == 8


def test_an_edited_install_is_not_served_and_is_installed_again(tmp_path: Path) -> None:
    data = tarball()
    pin = pin_for(data)
    done = install(tmp_path, pin, tarball=_tarball_file(tmp_path, data))
    (done.folder / "js/timeline.js").write_text("alert('changed')")
    with pytest.raises(NotInstalled, match="changed after it was installed"):
        read_install(done.folder, pin)
    again = install(tmp_path, pin, tarball=_tarball_file(tmp_path, data))
    assert again.fetched
    assert (done.folder / "js/timeline.js").read_bytes() == PACKAGE["package/dist/js/timeline.js"]


def test_another_version_is_not_taken_for_the_pinned_one(tmp_path: Path) -> None:
    data = tarball()
    old = pin_for(data, version="3.0.0-old")
    install(tmp_path, old, tarball=_tarball_file(tmp_path, data))
    new = pin_for(data, version="3.0.1-new")
    with pytest.raises(NotInstalled, match="not installed"):
        read_install(install_folder(tmp_path, new), new)
    install(tmp_path, new, tarball=_tarball_file(tmp_path, data))
    assert not install_folder(tmp_path, old).exists()  # nothing serves it any more


def test_the_tarball_is_downloaded_from_the_registry(tmp_path: Path) -> None:
    data = tarball()
    pin = pin_for(data)
    registry = tmp_path / "registry"
    where = registry / "@knight-lab" / "timelinejs" / "-" / f"timelinejs-{pin.version}.tgz"
    where.parent.mkdir(parents=True)
    where.write_bytes(data)
    with static_server(registry) as url:
        done = install(tmp_path / "assets", pin, registry=url)
        assert done.fetched and (done.folder / "js/timeline.js").exists()
        with pytest.raises(FetchError, match="HTTP 404"):
            install(tmp_path / "other", pin_for(data, "9.9.9"), registry=url)


def test_an_unreachable_registry_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FetchError, match=r"cannot download http://127\.0\.0\.1"):
        install(tmp_path, pin_for(b"x"), registry=f"http://127.0.0.1:{free_port()}")
    with pytest.raises(FetchError, match="not an http"):
        install(tmp_path, pin_for(b"x"), registry="file:///etc")


def _member(
    archive: tarfile.TarFile, name: str, body: bytes = b"", kind: dict[str, object] | None = None
) -> None:
    info = tarfile.TarInfo(name)
    for key, value in (kind or {}).items():
        setattr(info, key, value)
    info.size = len(body) if info.isreg() else 0
    archive.addfile(info, io.BytesIO(body) if info.isreg() else None)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"type": tarfile.SYMTYPE, "linkname": "/etc/passwd"}, "not a regular file"),
        ({"type": tarfile.LNKTYPE, "linkname": "package/LICENSE"}, "not a regular file"),
    ],
)
def test_links_in_the_tarball_are_refused(
    tmp_path: Path, extra: dict[str, object], message: str
) -> None:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, body in PACKAGE.items():
            _member(archive, name, body)
        _member(archive, "package/dist/js/locale/xx.json", kind=extra)
    data = buffer.getvalue()
    with pytest.raises(FetchError, match=message):
        install(tmp_path, pin_for(data), tarball=_tarball_file(tmp_path, data))


def test_paths_outside_the_package_are_never_written(tmp_path: Path) -> None:
    files = {
        **PACKAGE,
        "package/../../escape.json": b"{}",
        "/abs/package/dist/js/locale/de.json": b"{}",
        "package/dist/js/locale/deeper/de.json": b"{}",
    }
    data = tarball(files)
    done = install(tmp_path / "a", pin_for(data), tarball=_tarball_file(tmp_path, data))
    assert not (tmp_path / "escape.json").exists()
    assert sorted(p.name for p in (done.folder / "js/locale").iterdir()) == ["en.json", "fr.json"]


def test_a_tarball_without_what_the_embed_needs_is_refused(tmp_path: Path) -> None:
    files = {k: v for k, v in PACKAGE.items() if not k.endswith("timeline.js")}
    data = tarball(files)
    with pytest.raises(FetchError, match=r"lacks js/timeline\.js"):
        install(tmp_path, pin_for(data), tarball=_tarball_file(tmp_path, data))


def test_garbage_is_refused(tmp_path: Path) -> None:
    data = b"not a tarball"
    with pytest.raises(FetchError, match="cannot be read"):
        install(tmp_path, pin_for(data), tarball=_tarball_file(tmp_path, data))


def test_the_stdlib_entry_point_reports_a_refusal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The real pin with a tarball that is not it: refused, exit 1, nothing written.
    path = _tarball_file(tmp_path, tarball())
    assert main(["--into", str(tmp_path / "assets"), "--tarball", str(path)]) == 1
    assert "does not match its pinned integrity" in capsys.readouterr().err
    assert not (tmp_path / "assets" / "timelinejs").exists()
    assert integrity_of(b"") == (
        "sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg=="
    )


def test_a_stylesheet_that_would_still_load_from_another_host_is_refused(tmp_path: Path) -> None:
    files = {**PACKAGE, "package/dist/css/timeline.css": b".a { background: url(//x.org/i.png) }"}
    data = tarball(files)
    with pytest.raises(FetchError, match=r"css/timeline\.css still loads //x\.org/i\.png"):
        install(tmp_path, pin_for(data), tarball=_tarball_file(tmp_path, data))
    assert not (tmp_path / "timelinejs" / pin_for(data).version).exists()
