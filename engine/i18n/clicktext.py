"""The command line in the reader's language: ``--help`` of every command, click's own
words (usage, errors, "did you mean"), in Indonesian when ``--lang id`` is given
anywhere on the command line, or ``ASAS_LANG=id``, or the locale says so.

The language is known before click parses anything (``AsasGroup.main`` reads it off
the arguments), so ``asas check --help --lang id`` and ``asas --lang id check -h``
both get Indonesian.  The English help stays where click keeps it, beside each
command and option in cli.py; the Indonesian is ``HELP_ID`` in messages.py.  click's
own strings go through gettext; :func:`_install` points click's modules at
``CLICK_ID`` while the language is Indonesian.
"""

from __future__ import annotations

import contextlib
import os
import sys

import click

from asas.engine.i18n.messages import CLICK_ID, HELP_ID

_state: dict = {"lang": None, "explicit": None}


def chosen_lang() -> str | None:
    """The language the command line asked for (``--lang`` anywhere), if any."""
    return _state["explicit"]


def help_lang() -> str | None:
    """The language of help and messages: --lang, ASAS_LANG, the config file found from
    the current folder, the locale (None outside ``asas``'s own entry point)."""
    return _state["lang"]


def explicit_lang(args) -> str | None:
    """``--lang X`` / ``--lang=X`` anywhere in ``args``."""
    args = list(args)
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args) and args[i + 1] in ("en", "id"):
            return args[i + 1]
        if arg in ("--lang=en", "--lang=id"):
            return arg.split("=", 1)[1]
    return None


def lang_in(args, environ=os.environ, config_lang: str | None = None) -> str:
    """``--lang`` anywhere in ``args``, else ASAS_LANG, else the project's config file,
    else the locale."""
    from asas.engine.i18n.words import default_lang, env_lang
    return (explicit_lang(args) or env_lang(environ) or config_lang
            or default_lang(environ))


# How the command line finds the config file's language (cli.py registers it: the
# config file belongs to a later stage than this one)
_config_lookup: list = [lambda args: None]


def set_config_lookup(lookup) -> None:
    """``lookup(args) -> 'en' | 'id' | None``: the config file's ``lang`` for ``args``."""
    _config_lookup[0] = lookup


def _config_lang(args) -> str | None:
    return _config_lookup[0](args)


def _gettext(message: str) -> str:
    return CLICK_ID.get(message, message) if _state["lang"] == "id" else message


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _gettext(singular if n == 1 else plural)


_CLICK_MODULES = ("core", "exceptions", "formatting", "parser", "types", "decorators",
                  "termui", "utils")


def _install() -> None:
    """Point click's gettext at ours (idempotent; English passes through)."""
    import importlib
    for name in _CLICK_MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = _gettext  # type: ignore[attr-defined]  # click's gettext hook
        if hasattr(module, "ngettext"):
            module.ngettext = _ngettext  # type: ignore[attr-defined]


# at once, before cli.py's decorators ask click for its words (version_option, the help
# option): each of those calls of the standard gettext looked for catalogues on disk
# and imported locale, to give back the English it was given, as ours does before the
# language is known
_install()


def _key(ctx: click.Context) -> str:
    """``check``, ``cache clear``; ``asas`` for the group itself."""
    parts: list[str] = []
    while ctx is not None and ctx.parent is not None:
        parts.append(ctx.info_name or "")
        ctx = ctx.parent
    return " ".join(reversed(parts)) or "asas"


def help_id(key: str, param: str | None = None) -> str | None:
    if param is None:
        return HELP_ID.get(key)
    return HELP_ID.get(f"{key}.{param}") or HELP_ID.get(f"*.{param}")


@contextlib.contextmanager
def _indonesian(cmd: click.Command, ctx: click.Context):
    """The command's help, its options' and (for a group) its commands' in Indonesian,
    for as long as the help is written."""
    key = _key(ctx)
    saved = []

    def swap(obj, attr, text):
        if text:
            saved.append((obj, attr, getattr(obj, attr)))
            setattr(obj, attr, text)

    swap(cmd, "help", help_id(key))
    help_option = cmd.get_help_option(ctx)
    for param in cmd.get_params(ctx):
        if isinstance(param, click.Option):
            name = "help" if param is help_option else param.name
            swap(param, "help", help_id(key, name))
    if isinstance(cmd, click.Group):
        for name, sub in cmd.commands.items():
            sub_key = name if key == "asas" else f"{key} {name}"
            text = help_id(sub_key)
            if text:
                swap(sub, "short_help", text.split("\n\n")[0].split(". ")[0].rstrip(".")
                     + ".")
    try:
        yield
    finally:
        for obj, attr, value in reversed(saved):
            setattr(obj, attr, value)


_HELP_TEXT = "Show this message and exit."   # click's own text of its --help option


def _help_option_now(option):
    """click (8.1.8 on) keeps a command's --help option once made, with its text in the
    language of the run that made it: one process running ``--lang id`` and then an
    English ``--help`` (a test suite, a program calling ``main`` twice) showed the
    English help with an Indonesian line.  The text is made again for this run."""
    if option is not None and option.help in (_HELP_TEXT, CLICK_ID.get(_HELP_TEXT)):
        option.help = _gettext(_HELP_TEXT)
    return option


class AsasCommand(click.Command):
    def get_help_option(self, ctx):
        return _help_option_now(super().get_help_option(ctx))

    def format_help(self, ctx, formatter):
        if _state["lang"] != "id":
            return super().format_help(ctx, formatter)
        with _indonesian(self, ctx):
            return super().format_help(ctx, formatter)


class AsasGroup(click.Group):
    command_class = AsasCommand
    group_class = type   # subgroups are AsasGroups too

    def get_help_option(self, ctx):
        return _help_option_now(super().get_help_option(ctx))

    def main(self, args=None, *more, **kwargs):
        args = list(sys.argv[1:] if args is None else args)
        _state["explicit"] = explicit_lang(args)
        _state["lang"] = lang_in(args, config_lang=None if _state["explicit"]
                                 else _config_lang(args))
        _install()
        return super().main(args, *more, **kwargs)

    def format_help(self, ctx, formatter):
        if _state["lang"] != "id":
            return super().format_help(ctx, formatter)
        with _indonesian(self, ctx):
            return super().format_help(ctx, formatter)
