"""The command line: a thin click layer over ``asas.engine``.

Engine modules are imported inside the commands so that ``asas --help`` and a one-file
check start without loading what they do not use.
"""

from __future__ import annotations

import os
import sys

from asas.engine.run.startup import hold_gc, seed_yaml

hold_gc()       # the collector less often until the first case is checked
seed_yaml()     # before yaml is imported (engine/run/startup.py)

import click  # noqa: E402

from asas import __version__  # noqa: E402
from asas.engine.i18n.clicktext import AsasGroup, set_config_lookup  # noqa: E402

FAIL_ON = ("violation", "risk", "advice", "never")
LANG = click.Choice(["en", "id"])


def _lang(value: str | None, config=None) -> str:
    """The command's --lang, else the one given anywhere on the command line (asas
    --lang id check ...), else ASAS_LANG, else the config file's, else the locale,
    else English."""
    if value:
        return value
    from asas.engine.i18n.clicktext import chosen_lang, help_lang
    from asas.engine.i18n.words import default_lang, env_lang
    if config is None:   # the config found from the current folder, as for --help
        return help_lang() or default_lang()
    return chosen_lang() or env_lang() or config.get("lang") or default_lang()


def _config(config_file, isolated, paths=()):
    """The project's config (engine/run/config.py); a bad file stops with status 2."""
    from asas.engine.run.config import Config, ConfigError, find, load
    if isolated:
        return Config()
    try:
        return load(config_file or find(paths))
    except ConfigError as exc:
        click.echo(exc.text(_lang(None)), err=True)
        sys.exit(2)


def _config_lang_for_help(args) -> str | None:
    """The ``lang`` of the config file found from the current folder (or --config), for
    --help and click's own errors; a broken config file is reported by the command."""
    if "--isolated" in args:
        return None
    from asas.engine.run.config import ConfigError, find, load
    given = [args[i + 1] for i, a in enumerate(args[:-1]) if a == "--config"]
    try:
        return load(given[0] if given else find()).get("lang")
    except (ConfigError, OSError):
        return None


set_config_lookup(_config_lang_for_help)


def _given(name: str) -> bool:
    """Whether an option was given on the command line (else the config may set it)."""
    from click.core import ParameterSource
    source = click.get_current_context().get_parameter_source(name)
    return source not in (None, ParameterSource.DEFAULT, ParameterSource.DEFAULT_MAP)


def _codes(values) -> list[str] | None:
    """``--select KRH,KSR001 --select DOC`` → ['KRH', 'KSR001', 'DOC']."""
    codes = [c.strip().upper() for v in values for c in v.split(",") if c.strip()]
    return codes or None


class AsasError(click.ClickException):
    """A failure to read or write (exit status 2, as a usage error; 1 means a finding
    reached --fail-on)."""
    exit_code = 2


def _words(msg, lang: str | None = None) -> str:
    """A message of engine/i18n/messages.py (or an error that carries one) in ``lang``,
    else in the language of the command line (--lang, ASAS_LANG, config, locale): every
    message of our own goes through here, as click's own go through clicktext."""
    from asas.engine.i18n.messages import MessageError, text
    lang = lang or _lang(None)
    if isinstance(msg, MessageError):
        return msg.text(lang)
    return text(msg, lang)


def _say(code: str, lang: str | None = None, **params) -> str:
    """``_words`` of the message ``code`` with ``params``."""
    from asas.engine.i18n.messages import Msg
    return _words(Msg.of(code, **params), lang)


def _emit(text: str, output: str | None, inputs=(), role: str | None = None):
    """Write ``text`` to ``output`` (whole, or not at all), or to stdout.  ``inputs`` are
    the files the command read: the output never replaces one of them."""
    if output:
        from asas.engine.run.atomic import OutputRefused, refuse_inputs, write_atomic
        try:
            refuse_inputs(output, inputs, role=role or "one of the files this command reads")
            write_atomic(output, text)
        except OutputRefused as exc:
            raise AsasError(_words(exc))
        except OSError as exc:
            raise AsasError(_cannot_write(output, exc))
    else:
        _echo(text)


def _cannot_write(output: str, exc: OSError, lang: str | None = None) -> str:
    from asas.engine.i18n.oserr import write_error
    from asas.engine.report.safe import safe_name
    return _say("cli.cannot_write", lang, file=safe_name(output), why=write_error(exc))


def _echo(text: str) -> None:
    """Standard output, or a one-line message and exit 2 when it is closed or full."""
    if sys.stdout is None:
        raise AsasError(_say("run.stdout_closed"))
    try:
        click.echo(text, nl=False)
    except BrokenPipeError:
        raise
    except OSError as exc:
        _stdout_gone()
        from asas.engine.i18n.oserr import write_error
        raise AsasError(_say("run.stdout_failed", why=write_error(exc)))


def _stdout_gone() -> None:
    """Standard output failed (full disk, closed pipe): point it at /dev/null so that
    Python's own flush at exit does not fail again with a traceback."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


@click.group(cls=AsasGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="asas")
@click.option("--lang", type=LANG, expose_value=False,
              help="Language of help and reports (default: ASAS_LANG, else the locale, "
                   "else en).")
def cli():
    """asas — audits write-ups of individual counseling (konseling individual)
    against the principles (asas) of counseling practice.

    \b
    Start with:   asas check cases/
    One rule:     asas rule KSR001
    The reasoning behind a verdict:   asas explain cases/FILE.yaml
    Language: --lang id or --lang en (also the environment variable ASAS_LANG).
    """


def _profile(ctx, param, value):
    """--profile: a bundled profile's name or a profile file (engine/judge/profile.py);
    checked at once, so a typo is a usage error before any work."""
    if value is None:
        return None
    from asas.engine.judge.profile import ProfileError, lookup
    try:
        chosen = lookup(value)
        if not chosen.is_default:       # its rule modules exist and document what it names
            from asas.rules._profiles import knowledge
            knowledge(chosen)
    except ProfileError as exc:
        raise click.BadParameter(_words(exc), ctx=ctx, param=param)
    return value


def profile_option(command):
    return click.option(
        "--profile", callback=_profile, metavar="NAME|FILE", expose_value=True,
        help="Which principles to judge: konseling-individual (the default, the eight of "
             "individual counseling) or bk12 (the twelve asas of Prayitno & Amti), or a "
             "profile file (docs/profiles.md).")(command)


def _format_names(command: str = "check"):
    """The --format choices of ``command`` (check, grade, trend), from the registry."""
    from asas.engine.report import formats
    return list({"check": formats.REGISTRY, "grade": formats.GRADE,
                 "trend": formats.TREND}[command])


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(_format_names()), default="text",
              help="Report format (default: $ASAS_FORMAT, else the config file's, else "
                   "github under GitHub Actions, else text).")
@click.option("--lang", type=LANG, help="Language of the report (default: from the locale, else en).")
@click.option("--output", "-o", type=click.Path(dir_okay=False),
              help="Write the report to FILE (whole, or not at all) instead of stdout.")
@click.option("--quiet", "-q", is_flag=True,
              help="text, concise: show only the files that fail (invalid, or a finding "
                   "that reaches --fail-on); nothing for files that pass, no summary.")
@click.option("--color", "color", type=click.Choice(["auto", "always", "never"]),
              default="auto", show_default=True,
              help="Colour the text report: auto = on a terminal, or when FORCE_COLOR or "
                   "CLICOLOR_FORCE is set, never when NO_COLOR is set or TERM=dumb.")
@click.option("--only-case-files", is_flag=True,
              help="Skip, without an error, files that do not declare 'format: asas/v1' "
                   "(a mkdocs.yml among the cases); for the pre-commit hook.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="violation", show_default=True,
              help="Exit 1 when a finding of this severity or worse is found.")
@click.option("--junit-family", type=click.Choice(["gitlab", "jenkins"]), default="gitlab",
              show_default=True,
              help="--format junit for GitLab (file and line on each test) or for the strict "
                   "schema of Jenkins' xUnit plugin.")
@click.option("--select", multiple=True, metavar="CODES",
              help="Only these rule IDs or prefixes (comma-separated, e.g. KRH,KSR001).")
@click.option("--ignore", multiple=True, metavar="CODES",
              help="Leave out these rule IDs or prefixes (the longer prefix wins over --select).")
@click.option("--examples", is_flag=True,
              help="Check the example cases bundled with asas (those of --profile).")
@click.option("--redact", is_flag=True,
              help="Keep the client's pseudonym and every free-text quote out of the report.")
@click.option("--no-redact", is_flag=True,
              help="Do not redact the formats that are redacted by default: sarif, github, "
                   "junit and gitlab, which are uploaded to a code host (a quote there is "
                   "published), and html of several cases (made for sharing).")
@click.option("--lecturer", is_flag=True,
              help="The lecturer's view of a class (html): --no-redact, and the class "
                   "grouped by trainee besides the case matrix.")
@click.option("--max-bytes", type=click.IntRange(1), metavar="N",
              help="Refuse case files larger than N bytes (default 2 MiB; docs/limits.md).")
@click.option("--max-nodes", type=click.IntRange(1), metavar="N",
              help="Refuse case files of more than N YAML nodes, aliases expanded "
                   "(default 200,000).")
@click.option("--max-depth", type=click.IntRange(1), metavar="N",
              help="Refuse case files nested deeper than N levels (default 64).")
@click.option("--max-sessions", type=click.IntRange(1), metavar="N",
              help="Refuse case files of more than N sessions (default 500).")
@click.option("--jobs", "-j", type=click.IntRange(1), metavar="N",
              help="Check with N processes (default: all cores for more than a few files, "
                   "else 1).")
@click.option("--cache-dir", type=click.Path(file_okay=False), metavar="DIR",
              help="Keep the result cache in DIR (default: $ASAS_CACHE_DIR, else "
                   "~/.cache/asas).")
@click.option("--no-cache", is_flag=True,
              help="Neither read nor write the result cache.")
@click.option("--strict", is_flag=True,
              help="Accept only the format's exact codes (reluctant, true, 0.6), not the "
                   "words people write (enggan, ya, 0,6).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), metavar="FILE",
              help="Read the settings from FILE (default: asas.toml, .asas.yaml or "
                   "[tool.asas] in pyproject.toml, searched upwards from the case files).")
@click.option("--isolated", is_flag=True, help="Read no config file.")
@click.option("--no-suppress", is_flag=True,
              help="Apply none of the case files' own suppressions (asas: ignore:): every "
                   "finding shown and counted, as a supervisor reviews.")
@profile_option
def check(paths, fmt, lang, output, quiet, color, only_case_files, fail_on, junit_family,
          select, ignore, examples, redact, no_redact, lecturer, max_bytes, max_nodes,
          max_depth, max_sessions, jobs, cache_dir, no_cache, strict, config_file, isolated,
          no_suppress, profile):
    """Check case files: files, directories (searched for *.yaml, *.yml), or - for stdin.

    An unchanged file is not checked again: its result comes from the cache
    (`asas cache --help`).  A batch shows its progress on a terminal; Ctrl-C stops it
    and reports the files already checked.

    Certainty: a finding derived from several others can be more certain than each of
    them, because independent lines of evidence for one conclusion add up
    (cf1 + cf2 x (1 - cf1)); derived findings are shown under the finding they rest on.

    Exit status: 0 no finding reached --fail-on; 1 some finding did; 2 a usage error,
    or a file could not be read or is invalid (the others are still checked), or the
    report could not be written; 130 interrupted (Ctrl-C).
    """
    from asas.engine.load.types import Limits
    from asas.engine.run.check import CheckError, CheckOptions, run_check
    conf = _config(config_file, isolated, paths)
    lang = _lang(lang, conf)
    if not _given("fmt"):
        from asas.engine.run.config import default_format
        fmt, var = default_format(conf, output is not None)
        if var and fmt not in _format_names():
            from asas.engine.i18n.messages import t
            raise click.UsageError(t("ci.bad_env_format", lang, var=var, value=fmt,
                                     choices=", ".join(_format_names())))
    if not _given("fail_on") and conf.get("fail-on"):
        fail_on = conf.get("fail-on")
    if not _given("junit_family") and conf.get("junit-family"):
        junit_family = conf.get("junit-family")
    select = select or tuple(conf.get("select") or ())
    ignore = ignore or tuple(conf.get("ignore") or ())
    strict = strict or bool(conf.get("strict"))
    profile = _config_profile(profile, conf)
    _refuse_inputs(output, _side_inputs(profile, conf), SIDE_ROLE, lang)
    given = {**conf.get("limits", {}),
             **{k: v for k, v in {"max_bytes": max_bytes, "max_nodes": max_nodes,
                                  "max_depth": max_depth, "max_sessions": max_sessions}.items()
                if v is not None}}
    no_redact = no_redact or lecturer
    if redact and no_redact:
        raise click.UsageError(_say("cli.redact_contradiction", lang))
    options = CheckOptions(
        paths=paths, fmt=fmt, lang=lang, output=output, fail_on=fail_on,
        select=_codes(select), ignore=_codes(ignore), examples=examples, redact=redact,
        no_redact=no_redact, by_trainee=lecturer,
        limits=Limits(**given, strict=strict), jobs=jobs,
        cache_dir=cache_dir, no_cache=no_cache, profile=profile, quiet=quiet,
        color={"always": True, "never": False}.get(color), only_case_files=only_case_files,
        step_summary=os.environ.get("GITHUB_STEP_SUMMARY") or None,
        junit_family=junit_family, docs_url=conf.get("docs-url"), suppress=not no_suppress)
    try:
        code = run_check(options)
    except CheckError as exc:
        if exc.usage:
            raise click.UsageError(_words(exc, lang))
        raise AsasError(_words(exc, lang))
    if output and code == 1 and sys.stderr is not None and sys.stderr.isatty():
        click.echo(_written_note(output, fail_on, options.lang), err=True)
    _exit(code)


def _exit(code: int) -> None:
    """Exit with ``code``; 128 + N (stopped by signal N, after cleaning up) is the
    signal itself, so that the shell and a CI runner see what they sent."""
    import signal
    signum = code - 128
    if signum in (getattr(signal, "SIGTERM", -1), getattr(signal, "SIGHUP", -1)):
        sys.stdout.flush() if sys.stdout is not None else None
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)
    if code == 141:     # the reader went away: the status of a program killed by SIGPIPE
        sys.exit(141)
    sys.exit(code)


def _written_note(output: str, fail_on: str, lang: str) -> str:
    """One line for a person at a terminal: status 1 is a CI signal, not a failure."""
    from asas.engine.i18n.words import word
    return _say("cli.written_note", lang, file=output, fail_on=word(fail_on, lang))


def _profile_or_config(profile, paths=()):
    """--profile, else the ``profile`` of the config file found from ``paths`` (else from
    the current folder): every command judges or writes for the profile check uses."""
    if profile is not None:
        return profile
    return _config_profile(profile, _config(None, False, [p for p in paths if p]))


def _config_profile(profile, conf):
    """--profile, else the config file's ``profile`` (checked as --profile is)."""
    if profile is not None or not conf.get("profile"):
        return profile
    from asas.engine.judge.profile import ProfileError, lookup
    try:
        chosen = lookup(conf.get("profile"))
        if not chosen.is_default:
            from asas.rules._profiles import knowledge
            knowledge(chosen)
    except ProfileError as exc:
        raise click.UsageError(_say("profile.in_config", _lang(None, conf), file=conf.file,
                                    message=exc.msg))
    return conf.get("profile")


def _cache_dir(cache_dir: str | None):
    from asas.engine.run.check import cache_dir as folder
    return folder(cache_dir)


@cli.group("cache")
def cache_group():
    """The result cache of `asas check` (default ~/.cache/asas, or $ASAS_CACHE_DIR).

    It holds data derived from case files: it stays on this machine, and is safe to
    delete at any time."""


@cache_group.command("clear")
@click.option("--cache-dir", type=click.Path(file_okay=False), metavar="DIR",
              help="The cache to clear (default: $ASAS_CACHE_DIR, else ~/.cache/asas).")
def cache_clear(cache_dir):
    """Delete the cached results (only a folder asas created is touched)."""
    from asas.engine.i18n.loader_messages import error_text
    from asas.engine.run.cache import clear
    done, message = clear(_cache_dir(cache_dir))
    click.echo(error_text(message, _lang(None)), err=not done)
    sys.exit(0 if done else 2)


@cache_group.command("prune")
@click.option("--cache-dir", type=click.Path(file_okay=False), metavar="DIR",
              help="The cache to prune (default: $ASAS_CACHE_DIR, else ~/.cache/asas).")
@click.option("--max-age", type=click.FloatRange(0), default=30, show_default=True,
              metavar="DAYS", help="Remove entries written more than DAYS days ago.")
@click.option("--max-size", type=click.FloatRange(0), metavar="MB",
              help="Then remove the oldest entries until the rest take at most MB megabytes.")
def cache_prune(cache_dir, max_age, max_size):
    """Remove old cached results: those older than --max-age (entries also expire by
    themselves after 30 days), then the oldest beyond --max-size."""
    from asas.engine.i18n.loader_messages import error_text
    from asas.engine.run.cache import prune
    limit = None if max_size is None else int(max_size * 1024 * 1024)
    done, message, _ = prune(_cache_dir(cache_dir), max_age, limit)
    click.echo(error_text(message, _lang(None)), err=not done)
    sys.exit(0 if done else 2)


@cache_group.command("dir")
@click.option("--cache-dir", type=click.Path(file_okay=False), metavar="DIR")
def cache_dir_(cache_dir):
    """Print where the cache is."""
    _echo(os.path.abspath(_cache_dir(cache_dir)) + "\n")


def _refuse_inputs(output: str | None, files, role: str | None = None,
                   lang: str | None = None) -> None:
    """A report never replaces a file it reads (the shared check in engine/run/atomic.py)."""
    if not output:
        return
    from asas.engine.run.atomic import OutputRefused, refuse_inputs
    try:
        if role:
            refuse_inputs(output, files, role=role)
        else:
            refuse_inputs(output, files)
    except OutputRefused as exc:
        raise click.UsageError(_words(exc, lang))


def _side_inputs(profile: str | None, conf=None) -> list[str]:
    """What a command reads besides its case files, so that its report never replaces
    one of them either: the config file, a profile file and the rubric beside it."""
    out = [conf.file] if conf is not None and conf.file else []
    if profile:
        from asas.engine.judge.profile import lookup
        chosen = lookup(profile)      # checked by --profile's callback already
        out += [str(p) for p in (chosen.path, chosen.rubric) if p is not None]
    return out


SIDE_ROLE = "one of the files this command reads"


def _side_problems(exc) -> None:
    for problem in exc.problems:
        click.echo(problem, err=True)
    sys.exit(2)


def _roster(path, lang):
    from asas.engine.report.grade.roster import EMPTY, load_roster
    from asas.engine.report.grade.sidefile import SideFileError
    if not path:
        return EMPTY
    try:
        return load_roster(path, lang)
    except SideFileError as exc:
        _side_problems(exc)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--rubric", type=click.Path(dir_okay=False),
              help="A rubric file (YAML) instead of the default; see --print-rubric.")
@click.option("--print-rubric", is_flag=True,
              help="Print the rubric (the default, or --rubric FILE once checked) and exit.")
@click.option("--format", "fmt", type=click.Choice(_format_names("grade")),
              default="markdown", show_default=True,
              help="csv and xlsx are the gradebook for a spreadsheet (xlsx needs --output).")
@click.option("--csv-locale", type=click.Choice(["intl", "id"]), default="intl",
              show_default=True,
              help="id: ';' between fields, a decimal comma and a UTF-8 BOM, as Excel with "
                   "Indonesian regional settings opens a CSV.")
@click.option("--lang", type=LANG, help="Language of the report (default: from the locale, else en).")
@click.option("--output", "-o", type=click.Path(dir_okay=False),
              help="Write it to FILE (whole, or not at all) instead of stdout.")
@click.option("--roster", type=click.Path(dir_okay=False), metavar="FILE",
              help="Trainee code -> name or NIM, class, guru pamong (CSV or YAML).")
@click.option("--overrides", type=click.Path(dir_okay=False), metavar="FILE",
              help="Reasoned overrides (waivers: case, rule, reason, by), kept beside the class.")
@click.option("--sheets", type=click.Path(file_okay=False), metavar="DIR",
              help="Also write a printable feedback sheet per case into DIR (Indonesian "
                   "unless --lang en).")
@click.option("--redact", is_flag=True,
              help="Keep the client's pseudonym and every free-text quote out of the report.")
@click.option("--no-suppress", is_flag=True,
              help="Honour none of the case files' own suppressions (asas: ignore:); an "
                   "overrides file still applies.")
@profile_option
def grade(paths, rubric, print_rubric, fmt, csv_locale, lang, output, roster, overrides,
          sheets, redact, no_suppress, profile):
    """Grade case files with a rubric: points per principle by status, deductions per
    finding and per function not served, caps for critical findings (at most D, a
    meeting), "incomplete — returned" for a write-up that cannot be assessed, and a
    grade band (A, AB, B, BC, C, D, E).  The grade is of the write-up, not of the
    practice: one component of a PPL grade.

    Exit status: 0 every file was graded (or returned as incomplete); 2 a usage error,
    an unusable rubric, roster or overrides file, or a file that is invalid (its row
    says why; the others are still graded).
    """
    from asas.engine.report.grade import RubricError, grade_results, load_rubric, rubric_text
    from asas.engine.report.grade.render import unused_lines
    from asas.engine.report.grade.sidefile import SideFileError
    sheet_lang = lang or "id"       # a sheet goes to an Indonesian student unless told
    conf = _config(None, False, paths)
    lang = _lang(lang, conf)
    profile = _config_profile(profile, conf)
    if not rubric and conf.get("rubric"):
        rubric = conf.path(conf.get("rubric"))
    try:
        chosen = load_rubric(rubric, lang, profile)
    except RubricError as exc:
        _side_problems(exc)
    if print_rubric:
        _emit(rubric_text(rubric, profile), output,
              [*([rubric] if rubric else []), *_side_inputs(profile, conf)])
        return
    if not paths:
        raise click.UsageError(_say("cli.need_paths_rubric", lang))
    if fmt == "xlsx" and not output:
        raise click.UsageError(_say("cli.xlsx_needs_output", lang))
    the_roster = _roster(roster, lang)
    waivers = []
    if overrides:
        from asas.engine.report.grade.waivers import load_overrides
        try:
            waivers = load_overrides(overrides, lang)
        except SideFileError as exc:
            _side_problems(exc)
    from asas.engine.load.discover import case_paths
    from asas.engine.run.batch import check_paths
    files = case_paths(paths)
    inputs = [*files, *(p for p in (rubric, roster, overrides) if p)]
    _refuse_inputs(output, inputs)
    _refuse_inputs(output, _side_inputs(profile, conf), SIDE_ROLE, lang)
    inputs += _side_inputs(profile, conf)
    if sheets:      # a folder link another user planted in a shared folder (S20)
        from asas.engine.run.atomic import OutputRefused, refuse_planted_link
        try:
            refuse_planted_link(sheets.rstrip("/" + os.sep) or sheets, "--sheets")
        except OutputRefused as exc:
            raise click.UsageError(_words(exc, lang))
    results = check_paths(files, profile=profile, suppress=not no_suppress)
    if redact:
        from asas.engine.report.redact import redact as redact_results
        results = redact_results(results, lang)
    grades = grade_results(results, chosen, lang, waivers)
    from asas.engine.report.formats import GRADE, GradeOptions
    made = GRADE[fmt].render(grades, lang, GradeOptions(chosen, the_roster, csv_locale, redact))
    if isinstance(made, bytes):
        _emit_bytes(made, output)
    else:
        _emit(made, output)
    if sheets:
        from asas.engine.report.grade.sheets import write_sheets
        from asas.engine.run.atomic import write_atomic

        def write(path, text):
            _refuse_inputs(path, inputs)
            try:
                write_atomic(path, text)
            except OSError as exc:
                raise AsasError(_cannot_write(path, exc, lang))
        try:
            sheet_grades = grades if sheet_lang == lang else \
                grade_results(results, chosen, sheet_lang, waivers)
            written = write_sheets(sheet_grades, chosen, sheets, sheet_lang, the_roster, redact,
                                   write)
        except OSError as exc:
            raise AsasError(_cannot_write(sheets, exc, lang))
        click.echo(_say("cli.sheets_written", sheet_lang, n=len(written) - 1,
                        index=os.path.join(sheets, "index.html")), err=True)
    for line in unused_lines(grades, lang):
        click.echo(line, err=True)
    sys.exit(0 if all(g.state != "invalid" for g in grades) else 2)


def _emit_bytes(data: bytes, output: str):
    from asas.engine.run.atomic import atomic_writer
    try:
        with atomic_writer(output) as fh:
            fh.flush()
            fh.buffer.write(data)
    except OSError as exc:
        raise AsasError(_cannot_write(output, exc))


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(_format_names("trend")),
              default="text", show_default=True)
@click.option("--by", "by", type=click.Choice(["status", "score"]), default="status",
              show_default=True,
              help="What a change compares, first case to last: the status of each principle, "
                   "or its score (a change of 10 points or more).")
@click.option("--lang", type=LANG, help="Language of the report (default: from the locale, else en).")
@click.option("--output", "-o", type=click.Path(dir_okay=False),
              help="Write it to FILE (whole, or not at all) instead of stdout.")
@click.option("--roster", type=click.Path(dir_okay=False), metavar="FILE",
              help="Trainee code -> name or NIM, class, guru pamong (CSV or YAML).")
@click.option("--redact", is_flag=True,
              help="Keep the client's pseudonym and every free-text quote out of the report.")
@profile_option
def trend(paths, fmt, by, lang, output, roster, redact, profile):
    """Each trainee's principle statuses and scores across their cases, in date order
    (the first session's date); trainees by case.counselor.code.

    Exit status: 0 every file was read; 2 a usage error or an invalid file (listed
    as not included; the others are still shown).
    """
    from asas.engine.load.discover import case_paths
    from asas.engine.report.trend import render
    from asas.engine.run.batch import check_paths
    lang = _lang(lang)
    if not paths:
        raise click.UsageError(_say("cli.need_paths_plain", lang))
    profile = _profile_or_config(profile, paths)
    the_roster = _roster(roster, lang)
    files = case_paths(paths)
    _refuse_inputs(output, [*files, *([roster] if roster else [])])
    _refuse_inputs(output, _side_inputs(profile, _config(None, False, [p for p in paths if p])),
                   SIDE_ROLE, lang)
    results = check_paths(files, profile=profile)
    if redact:
        from asas.engine.report.redact import redact as redact_results
        results = redact_results(results, lang)
    _emit(render(results, fmt, lang, by=by, roster=the_roster), output)
    sys.exit(0 if all(r.valid for r in results) else 2)


@cli.command()
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write it to FILE.")
@profile_option
def schema(output, profile):
    """Print the JSON Schema (draft-07) of the case format, for editors (one schema for
    every profile: a field a profile does not judge is simply unused)."""
    from asas.engine.model.jsonschema import schema_text
    _emit(schema_text(), output, _side_inputs(profile))


@cli.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]),
              default="text", show_default=True,
              help="markdown: the reference page docs/rules.md, in both languages.")
@click.option("--lang", type=LANG)
@click.option("--select", multiple=True, metavar="CODES", help="Only these IDs or prefixes.")
@click.option("-o", "--output", type=click.Path(), help="Write to this file.")
@profile_option
def rules_(fmt, lang, select, output, profile):
    """List the rule catalogue: ID, principle, severity, certainty factor, title."""
    import json

    from asas.engine.judge.verdict import selected
    from asas.engine.report.rulepage import rule_dict, rule_list, rules_markdown
    from asas.engine.run.pipeline import catalog_of
    profile = _profile_or_config(profile)
    CATALOG = catalog_of(profile)
    lang = _lang(lang)
    if fmt == "markdown":
        from asas.engine.judge.profile import lookup
        _emit(rules_markdown((d for d in CATALOG.values() if selected(d.id, _codes(select))),
                             lookup(profile)), output, _side_inputs(profile, _config(None, False)))
        return
    docs = [d for d in sorted(CATALOG.values(), key=lambda d: d.id)
            if selected(d.id, _codes(select))]
    if output:
        text = (json.dumps([rule_dict(d, lang) for d in docs], ensure_ascii=False, indent=2)
                + "\n" if fmt == "json" else rule_list(docs, lang))
        _emit(text, output, _side_inputs(profile, _config(None, False)))
    elif fmt == "json":
        _echo(json.dumps([rule_dict(d, lang) for d in docs], ensure_ascii=False, indent=2) + "\n")
    else:
        _echo(rule_list(docs, lang))


@cli.command()
@click.argument("rule_id")
@click.option("--lang", type=LANG)
@profile_option
def rule(rule_id, lang, profile):
    """Explain one rule: what it checks, why it matters, a failing and a passing
    example, and what to do instead."""
    import difflib

    from asas.engine.i18n.messages import Msg, t
    from asas.engine.report.rulepage import rule_page
    from asas.engine.run.pipeline import catalog_of
    lang = _lang(lang)
    CATALOG = catalog_of(_profile_or_config(profile))
    doc = CATALOG.get(rule_id.upper())
    if doc is None:
        hint = difflib.get_close_matches(rule_id.upper(), CATALOG, n=1)
        more = Msg.of("cli.no_rule_hint", hint=hint[0]) if hint else Msg.of("cli.no_rule_list")
        other = _profile_with_rule(rule_id.upper())
        if other:
            more = Msg.of("cli.no_rule_profile", rule=rule_id.upper(), profile=other)
        raise AsasError(t("cli.no_rule", lang, rule=rule_id, more=more))   # exit 2
    _echo(rule_page(doc, lang))


def _profile_with_rule(rule_id: str) -> str | None:
    """The first bundled profile whose catalogue has ``rule_id`` (a KDN rule: bk12)."""
    from asas.engine.judge.profile import available
    from asas.engine.run.pipeline import catalog_of
    return next((name for name in available() if rule_id in catalog_of(name)), None)


@cli.command()
@click.argument("file", type=click.Path())
@click.option("--lang", type=LANG)
@profile_option
def explain(file, lang, profile):
    """Show the reasoning for one case: facts (with lines) → intermediate conclusions
    → findings → principle statuses."""
    from asas.engine.report.explain import explain as render
    from asas.engine.report.safe import safe_text
    from asas.engine.run.pipeline import check_file
    result = check_file(file, profile=_profile_or_config(profile, [file]))
    if not result.valid:
        for e in result.errors:
            click.echo(safe_text(e.format(result.file, _lang(lang))), err=True)
        sys.exit(2)
    from asas.engine.report.withheld import localised
    _echo(render(localised(result, _lang(lang)), _lang(lang)))


@cli.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False))
@click.option("--lang", type=LANG, help="Language of the comments (default: from the locale, else en).")
@click.option("--sessions", type=click.IntRange(1, 500), default=1, show_default=True,
              help="How many sessions the template has.")
@click.option("--schema", "schema_ref", metavar="PATH|URL",
              help="Where the first line points editors for the JSON Schema "
                   "(default: asas-v1.schema.json beside the case file).")
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
@profile_option
def init(file, lang, sessions, schema_ref, force, profile):
    """Write a case file template: every field of the format, commented, nothing
    documented yet (it checks as 'not assessed' until you fill it in).
    Without FILE, or with -, the template is printed."""
    from asas.engine.authoring.template import SCHEMA_FILE, message, template_text, write_new
    lang = _lang(lang)
    profile = _profile_or_config(profile, [file] if file and file != "-" else [])
    text = template_text(lang, sessions, schema_ref or SCHEMA_FILE, profile=profile)
    if not file or file == "-":
        _echo(text)
        return
    try:
        write_new(file, text, overwrite=force)
    except FileExistsError:
        raise AsasError(message("exists", lang, file=file))
    except OSError as exc:
        raise AsasError(_cannot_write(file, exc, lang))
    click.echo(message("written", lang, file=file, sessions=sessions), err=True)
    if not schema_ref:   # the first line points at the schema beside the file: make it exist
        from asas.engine.model.jsonschema import schema_text
        beside = os.path.join(os.path.dirname(file), SCHEMA_FILE)
        try:
            write_new(beside, schema_text())
            click.echo(message("schema_written", lang, file=beside), err=True)
        except FileExistsError:
            pass    # one already there (from an earlier init or `asas schema -o`): kept
        except OSError:
            click.echo(message("schema_not_written", lang, file=beside), err=True)


@cli.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False))
@click.option("--lang", type=LANG, help="Language of the questions (default: from the locale, else en).")
@click.option("--schema", "schema_ref", metavar="PATH|URL",
              help="Where the file's first line points editors for the JSON Schema "
                   "(default: asas-v1.schema.json beside the case file).")
@click.option("--append-session", "append_session", is_flag=True,
              help="Add a session (or more) to FILE, an existing case file; the case and "
                   "the sessions before are kept.")
@profile_option
def interview(file, lang, schema_ref, append_session, profile):
    """Write a case file by answering a supervisor's questions, the case first and
    then session by session; then check it. Answers can be piped in, one per line.
    FILE is asked for at the end when not given; an existing file is only
    overwritten after you confirm."""
    from asas.engine.authoring.interview import draft_path, message, run
    from asas.engine.authoring.template import SCHEMA_FILE
    lang = _lang(lang)
    if sys.stdin is None:
        raise AsasError(_say("cli.no_answers", lang))
    try:
        run(file, lang, schema=schema_ref or SCHEMA_FILE, append=append_session,
            profile=_profile_or_config(profile, [file]))
    except click.Abort:   # end of input, or Ctrl-C: the case file is not written
        click.echo("", err=True)
        draft = draft_path(file)
        click.echo(message("stopped_draft", lang, file=draft) if os.path.exists(draft)
                   else message("stopped", lang), err=True)
        sys.exit(1)


# --- the verbatim (engine/verbatim, docs/verbatim.md) ------------------------------

@cli.group("verbatim")
def verbatim_group():
    """Read, tag and import session verbatims (turn-by-turn transcripts)."""


@verbatim_group.command("tag")
@click.argument("file", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.option("--lang", type=LANG, help="Language of the report (default: from the locale, else en).")
@click.option("--redact", is_flag=True, help="Withhold every turn's text and cue.")
@click.option("--counselor", multiple=True, metavar="CODE",
              help="The counselor's code or name in a verbatim on its own (repeatable; a "
                   "case file has its case.verbatim_speakers).")
@click.option("--client", multiple=True, metavar="CODE",
              help="The client's code or name in a verbatim on its own (repeatable; a case "
                   "file has its case.verbatim_speakers).")
def verbatim_tag(file, fmt, lang, redact, counselor, client):
    """Each turn of each session's verbatim with its codes and the cue that decided
    each code, and what the session shows (talk share, ratios, opening, decision).
    FILE is a case file, or a verbatim on its own (.txt, .csv, .docx, .xlsx, as `verbatim
    import` reads it) to see before importing it."""
    from asas.engine.judge.verdict import invalid
    from asas.engine.load.loader import load_file
    from asas.engine.load.verbatim_file import is_verbatim_file, load_verbatim_file
    from asas.engine.report.redact import redact as redact_results
    from asas.engine.verbatim.parse import DEFAULT_SPEAKERS
    from asas.engine.verbatim.report import as_json, as_text, dump
    named = counselor or client
    standalone = is_verbatim_file(file)
    if standalone:
        # a chat's senders, or codes of the trainee's own, in place of the default codes
        # of their role (the other role keeps its own)
        speakers = {role: list(given) or list(DEFAULT_SPEAKERS[role])
                    for role, given in (("counselor", counselor), ("client", client))} \
            if named else None
        loaded = load_verbatim_file(file, speakers=speakers)
    elif named:
        click.echo(f"{file}: {_say('import.speakers_in_case', lang)}", err=True)
        sys.exit(2)
    else:
        loaded = load_file(file)
    for note in loaded.notes:            # a verbatim file's heading, left out
        click.echo(f"{loaded.file}: {_words(note, lang)}", err=True)
    if not loaded.valid:
        errors = loaded.errors
        if redact:
            errors = redact_results([invalid(loaded)], _lang(lang))[0].errors
        for e in errors:
            click.echo(e.format(loaded.file, _lang(lang)), err=True)
        hint = _speakers_hint(file, errors) if standalone and not redact else None
        if hint:
            click.echo(f"{file}: {_say('verbatim.name_speakers', lang, command=hint)}", err=True)
        sys.exit(2)
    if fmt == "json":
        _echo(dump(as_json(loaded, redact)))
    else:
        _echo(as_text(loaded, _lang(lang), redact))


def _speakers_hint(file: str, errors) -> str | None:
    """The command that tags a verbatim on its own with the speakers the reader guessed
    (a chat's senders, a recording app's "Speaker 1"), where it found no counselor or no
    client; the message's own example is for a case file's map."""
    import shlex
    flags = {"verbatim.no_counselor": "--counselor", "verbatim.no_client": "--client"}
    given = [f"{flags[e.code]} {shlex.quote(dict(e.msg.params)['example'])}"
             for e in errors if e.code in flags]
    return " ".join(["asas verbatim tag", shlex.quote(file), *given]) if given else None


@verbatim_group.command("import")
@click.argument("source", type=click.Path(exists=True, dir_okay=False))
@click.option("--into", "case_file", required=True, type=click.Path(exists=True, dir_okay=False),
              help="The case file to write the verbatim into.")
@click.option("--session", "number", required=True, type=click.IntRange(1), help="Session number.")
@click.option("--replace", is_flag=True, help="Replace the session's verbatim if it has one.")
@click.option("--lang", type=LANG, help="Language of the messages (default: from the locale, else en).")
def verbatim_import(source, case_file, number, replace, lang):
    """Bring a verbatim in from SOURCE (plain text, or a .csv, .docx or .xlsx table with
    speaker, dialog and technique columns) and write it into session N of the case file,
    leaving every other byte of the file as it was. An existing verbatim is kept unless
    --replace."""
    from asas.engine.load.loader import load_bytes
    from asas.engine.load.read import Unreadable, read_case_bytes
    from asas.engine.load.types import Limits
    from asas.engine.run.atomic import write_atomic
    from asas.engine.verbatim import source as verbatim_source
    from asas.engine.verbatim.importer import ImportProblem, case_speakers, insert
    lang = _lang(lang)
    # both read within the loader's bounds: a FIFO or a device is refused, not waited on
    reading = source
    try:
        raw_source = read_case_bytes(source, Limits())
        reading = case_file
        raw = read_case_bytes(case_file, Limits())
        case_text = raw.decode("utf-8")
        # read with the case's speakers; each problem at its line in the source (a CSV's
        # row as Excel numbers it); the source's heading left out, and said
        read = verbatim_source.read(source, raw_source, case_speakers(case_text))
        block, problems = read.block, read.parsed.problems
        for note in read.notes():
            click.echo(f"{source}: {_words(note, lang)}", err=True)
        for p in problems:
            click.echo(_say("import.line", lang, source=source, line=p.line, column=p.column,
                            message=p.msg), err=True)
        if problems:
            sys.exit(2)
        new_text = insert(case_text, number, block, replace)
    except Unreadable as exc:
        click.echo(f"{reading}: {_words(exc.msg, lang)}", err=True)
        sys.exit(2)
    except ImportProblem as exc:
        # a problem of the source names the source itself ("sesi1.pdf: ..."); one of the
        # case file (no such session, a verbatim already there) is the case file's
        from asas.engine.i18n.messages import names_its_source
        said = _words(exc, lang)
        click.echo(said if names_its_source(exc.msg) else f"{case_file}: {said}", err=True)
        sys.exit(2)
    except UnicodeDecodeError:
        click.echo(f"{case_file}: {_say('import.case_not_utf8', lang)}", err=True)
        sys.exit(2)
    except OSError as exc:
        from asas.engine.load.types import os_error
        click.echo(f"{exc.filename or case_file}: "
                   + _say("load.cannot_read", lang, why=os_error(exc)), err=True)
        sys.exit(2)
    loaded = load_bytes(new_text.encode("utf-8"), case_file)
    if not loaded.valid:
        for e in loaded.errors:
            click.echo(e.format(case_file, lang), err=True)
        click.echo(_say("import.not_written", lang, file=case_file), err=True)
        sys.exit(2)
    try:
        write_atomic(case_file, new_text)
    except OSError as exc:
        raise AsasError(_cannot_write(case_file, exc, lang))
    turns = len(loaded.verbatim[number - 1].turns)
    click.echo(_say("import.written", lang, file=case_file, n=number, turns=turns))


def main():
    try:
        cli(prog_name="asas")
    except SystemExit as exc:
        if _program(sys._getframe(1)):
            leave(exc.code)
        raise


def _program(caller) -> bool:
    """Whether ``main`` was called by the program itself (the ``asas`` script, or
    ``python -m asas``, with nothing above it but runpy), not traced or profiled: only
    then is there nothing left to run after it (cProfile, coverage, a script that calls
    ``main`` may do something once it returns)."""
    if sys.gettrace() is not None or sys.getprofile() is not None:
        return False
    spec = caller.f_globals.get("__spec__")
    if not (spec.name == "asas.__main__" if spec is not None else
            caller.f_globals.get("__name__") == "__main__"
            and os.path.basename(caller.f_code.co_filename).startswith("asas")):
        return False
    frame = caller.f_back
    while frame is not None:
        if frame.f_globals.get("__name__") != "runpy":
            return False
        frame = frame.f_back
    return True


def leave(code, exit=os._exit, exit_funcs=None) -> None:
    """End the process at once with ``code`` when the interpreter's own exit has nothing
    left to do but free every object one by one (the rule engine's network, the
    modules: about 30 ms of a one-file check).  The ``atexit`` functions run first
    (logging, a worker pool's), then both standard streams are flushed.  Returns, so
    that the caller exits as usual, when there is more to do or to report: another
    thread, an executor's exit hook, a code that is not a number, a stream that cannot
    be flushed (Python reports it, status 120), ``python -i``."""
    status = 0 if code is None else code
    if (not isinstance(status, int) or not 0 <= status <= 255 or sys.flags.inspect
            or _threads_left()):
        return
    if exit_funcs is None:
        import atexit
        exit_funcs = atexit._run_exitfuncs
    exit_funcs()
    if _threads_left():     # an exit function started one
        return
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except Exception:
            return
    check = sys.modules.get("asas.engine.run.check")     # not imported for --help
    if check is not None and check.unflushed():
        return
    exit(status)


def _threads_left() -> bool:
    """Whether exiting now could cut a thread short or skip its exit hook (threading
    runs those before ``atexit``): a thread besides this one, or an executor loaded."""
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        return True
    return any(name in sys.modules for name in ("concurrent.futures.process",
                                                "concurrent.futures.thread"))


if __name__ == "__main__":
    main()
