"""One Settings: the file, then the environment, then the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from sidelines.settings import Settings, SettingsError


def _file(tmp_path: Path, text: str) -> dict[str, str]:
    path = tmp_path / "sidelines.toml"
    path.write_text(text, encoding="utf-8")
    return {"SIDELINES_CONFIG": str(path)}


def test_the_environment_overrides_the_file_and_options_override_both(tmp_path: Path) -> None:
    env = _file(tmp_path, 'db_url = "sqlite:///file.db"\nmodel = "en_core_web_md"\n')
    assert Settings.load(env).db_url == "sqlite:///file.db"
    assert Settings.load(env).model == "en_core_web_md"
    env["SIDELINES_DB_URL"] = "sqlite:///env.db"
    assert Settings.load(env).db_url == "sqlite:///env.db"
    assert Settings.load(env, db_url="sqlite:///cli.db").db_url == "sqlite:///cli.db"
    assert Settings.load(env, db_url=None).db_url == "sqlite:///env.db"  # an option not given


def test_a_list_reads_from_toml_or_a_comma_separated_variable(tmp_path: Path) -> None:
    env = _file(tmp_path, 'cors_origins = ["https://a.example", "https://b.example"]\n')
    assert Settings.load(env).cors_origins == ("https://a.example", "https://b.example")
    env["SIDELINES_CORS_ORIGINS"] = "https://c.example, "
    assert Settings.load(env).cors_origins == ("https://c.example",)


def test_an_unknown_setting_in_the_file_is_an_error_naming_the_known_ones(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match=r"\[E090\].*unknown settings dburl; known: cache_dir"):
        Settings.load(_file(tmp_path, 'dburl = "x"\n'))


def test_a_broken_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="E090"):
        Settings.load(_file(tmp_path, "db_url = \n"))


def test_settings_survive_the_environment(tmp_path: Path) -> None:
    settings = Settings(db_url="sqlite:///x.db", model="m", token="t", cors_origins=("o",))
    assert Settings.load(settings.as_env()) == settings


def test_folders_default_to_the_xdg_ones(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert Settings().kb_path == tmp_path / "data" / "sidelines" / "kb"
    assert Settings().cache_path == tmp_path / "cache" / "sidelines"
    assert Settings(kb_dir=str(tmp_path / "mine")).kb_path == tmp_path / "mine"
