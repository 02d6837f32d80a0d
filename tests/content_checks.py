"""Pure checks on the guide's content, called by tests/test_content.py.

Each function takes text or data and returns what is wrong (empty = fine),
so the tests can feed them both the real pages and deliberately bad input.

- seed coverage: data/seed-map.yml names a page and heading id for every
  section of the seed article; `html_ids` reads the ids of a built page.
- parity: `page_outline` lists what must match between a zh page and its en
  translation (heading ids, link targets, admonitions).
- copying: `copied_runs` finds runs of RUN_LENGTH characters a zh page shares
  with the seed, after `normalise_seed` / `normalise_text`.
- unconfirmed claims: `forbidden_claims` matches FORBIDDEN, each with a reason.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import zhconv

from engine.site import prose_lines

SEED_NAME = "000_c5c664e1bd2e8fa1.txt"
RUN_LENGTH = 15

# Every section of the seed article: the numbered sections, its introduction
# (小编导语), closing summary (小编总结) and disclaimer (声明).
SEED_SECTIONS = (
    "intro", "1.1", "1.2", "2.1", "2.2", "3.1", "3.2", "4.1", "4.2", "4.3",
    "5.1", "5.2", "6.1", "6.2", "summary", "disclaimer",
)


# -----------------------------------------------------------------------------
# The seed article and where each of its sections went
# -----------------------------------------------------------------------------

def find_seed(start: Path) -> Path | None:
    """The seed article in the nearest `shared/seed/` folder at or above start."""
    for folder in (start, *start.parents):
        candidate = folder / "shared" / "seed" / SEED_NAME
        if candidate.is_file():
            return candidate
    return None


@dataclass(frozen=True)
class Anchor:
    section: str  # the seed section, "1.1"
    page: str  # docs/<page>.md
    id: str  # heading id
    line: int  # line of the entry in data/seed-map.yml

    def __str__(self) -> str:
        return f"data/seed-map.yml:{self.line}: seed {self.section} -> {self.page}#{self.id}"


def seed_map_anchors(entries: list[dict]) -> list[Anchor]:
    """Every anchor a seed-map entry names: its page and id, then each of `also`."""
    anchors = []
    for entry in entries:
        section, line = str(entry["seed"]), getattr(entry, "line", 0)
        anchors.append(Anchor(section, str(entry["page"]), str(entry["id"]), line))
        for extra in entry.get("also", []) or []:
            page, _, anchor = str(extra).partition("#")
            anchors.append(Anchor(section, page, anchor, line))
    return anchors


def seed_map_problems(entries: list[dict]) -> list[str]:
    """Sections of the seed missing from the map, listed twice, or not in the seed."""
    problems = []
    listed = Counter(str(entry.get("seed")) for entry in entries)
    for section in SEED_SECTIONS:
        if listed[section] == 0:
            problems.append(f"seed section '{section}' is not mapped to any page")
        elif listed[section] > 1:
            problems.append(f"seed section '{section}' is mapped {listed[section]} times")
    problems += [f"'{name}' is not a seed section" for name in listed if name not in SEED_SECTIONS]
    for entry in entries:
        for field in ("page", "id"):
            if not entry.get(field):
                problems.append(f"seed section '{entry.get('seed')}' has no '{field}'")
        for extra in entry.get("also", []) or []:
            if "#" not in str(extra):
                problems.append(f"seed section '{entry.get('seed')}': 'also: {extra}' is not page#id")
    return problems


def built_page(site: Path, page: str, language: str) -> Path:
    """The HTML file of a page in the built site (zh at the root, en under en/)."""
    root = site / "en" if language == "en" else site
    return root / "index.html" if page == "index" else root / page / "index.html"


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids.update(value for name, value in attrs if name == "id" and value)


def html_ids(html: str) -> set[str]:
    """Every id attribute in an HTML document."""
    parser = _Ids()
    parser.feed(html)
    return parser.ids


def missing_anchors(anchors: list[Anchor], site: Path, languages: tuple[str, ...] = ("zh", "en")) -> list[str]:
    """Anchors of the seed map that a built site lacks, one message each."""
    problems = []
    ids_of: dict[Path, set[str]] = {}
    for anchor in anchors:
        for language in languages:
            path = built_page(site, anchor.page, language)
            if path not in ids_of:
                ids_of[path] = html_ids(path.read_text(encoding="utf-8")) if path.is_file() else set()
            if not path.is_file():
                problems.append(f"{anchor}: the page was not built in {language}")
            elif anchor.id not in ids_of[path]:
                problems.append(f"{anchor}: no such heading id in the {language} page")
    return problems


# -----------------------------------------------------------------------------
# Parity between a zh page and its en translation
# -----------------------------------------------------------------------------

_HEADING_ID = re.compile(r"^#{1,6}\s.*\{[^}]*#([\w-]+)[^}]*\}\s*$")
_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_MARKER = re.compile(r"<!--\s*([\w-]+):\s*([\w\- ]+?)\s*-->")
_ADMONITION = re.compile(r"^\s*(!!!|\?\?\?\+?)\s+([\w-]+)")


@dataclass(frozen=True)
class Outline:
    """What a page and its translation must share."""

    heading_ids: list[str]
    links: Counter  # link target or marker ("channel:police", "faq:repayment") -> count
    admonitions: list[str]  # "!!! warning", "??? note", in order


def page_outline(markdown: str) -> Outline:
    """Heading ids, link targets (and channel/faq markers), admonitions of a Markdown page."""
    ids, links, admonitions = [], Counter(), []
    for _, line in prose_lines(markdown):
        heading = _HEADING_ID.match(line)
        if heading:
            ids.append(heading.group(1))
        links.update(_LINK.findall(line))
        for kind, argument in _MARKER.findall(line):
            links.update(f"{kind}:{value}" for value in argument.split())
        admonition = _ADMONITION.match(line)
        if admonition:
            admonitions.append(f"{admonition.group(1)} {admonition.group(2)}")
    return Outline(ids, links, admonitions)


def parity_problems(zh: str, en: str) -> list[str]:
    """How an en page differs from its zh original in ids, links and admonitions."""
    a, b = page_outline(zh), page_outline(en)
    problems = []
    if a.heading_ids != b.heading_ids:
        only_zh = [i for i in a.heading_ids if i not in b.heading_ids]
        only_en = [i for i in b.heading_ids if i not in a.heading_ids]
        detail = f"only in zh {only_zh} / only in en {only_en}" if only_zh or only_en else "same ids, different order"
        problems.append(f"heading ids differ: {detail}")
    if a.links != b.links:
        only_zh, only_en = sorted((a.links - b.links).elements()), sorted((b.links - a.links).elements())
        problems.append(f"links differ: only in zh {only_zh} / only in en {only_en}")
    if a.admonitions != b.admonitions:
        problems.append(f"admonitions differ: zh {a.admonitions} / en {b.admonitions}")
    return problems


# -----------------------------------------------------------------------------
# Runs copied from the seed
# -----------------------------------------------------------------------------

# A pinyin gloss after a character, as the damaged seed prints them: 導(dǎo).
_PINYIN_GLOSS = re.compile(r"(?<=[\u3400-\u9fff])\([a-z\u00e0-\u024f]+\)")


def normalise_seed(seed: str) -> str:
    """The seed without pinyin glosses, in Simplified characters, letters and digits only."""
    return normalise_text(_PINYIN_GLOSS.sub("", seed))


def normalise_text(text: str) -> str:
    """Simplified characters, letters and digits only (no punctuation, no spaces), lower case."""
    simplified = zhconv.convert(text, "zh-cn")
    return "".join(ch for ch in simplified.lower() if unicodedata.category(ch)[0] in "LN")


def copied_runs(page: str, seed: str, length: int = RUN_LENGTH) -> list[str]:
    """Maximal runs of at least `length` characters the page shares with the seed.

    Both are normalised first; `seed` is the raw seed article.
    """
    source, text = normalise_seed(seed), normalise_text(page)
    grams = {source[i:i + length] for i in range(len(source) - length + 1)}
    runs, start = [], None
    for i in range(len(text) - length + 2):
        hit = i <= len(text) - length and text[i:i + length] in grams
        if hit and start is None:
            start = i
        elif not hit and start is not None:
            runs.append(text[start:i - 1 + length])
            start = None
    return runs


# -----------------------------------------------------------------------------
# Claims the fact sheet marks UNCONFIRMED (or that it says never to state)
# -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Forbidden:
    name: str
    pattern: re.Pattern[str]
    reason: str
    example: str  # a sentence the pattern must catch (the unit tests check it)


_JIDAI = r"(?:及贷|及貸|Jidai)"
_TIME_RANGE = r"\d{1,2}\s*[:：]\s*\d{2}\s*[-—–~至到]"

FORBIDDEN: tuple[Forbidden, ...] = (
    Forbidden(
        "24% cost cap",
        re.compile(r"(?<![\d.])24\s*(?:%|％|percent|per cent)|百分之二十四"),
        "facts.md §2: a '24% cost cap' in 金规〔2025〕9号 is a lawyer's reading, UNCONFIRMED as a clause",
        "综合融资成本不得超过24%。",
    ),
    Forbidden(
        "12378 hours",
        re.compile(
            r"(?:12378|channels?:[^>\n]*\bnfra\b|id:\s*nfra\b)[\s\S]{0,250}?"
            r"(?:" + _TIME_RANGE + r"|服务时间|工作时间|工作日|节假日|全天|全年无休|24\s*小时"
            r"|office hours|opening hours|working hours|weekdays|24 hours|24/7|around the clock)",
            re.IGNORECASE,
        ),
        "facts.md §3: the hours of 12378 are UNCONFIRMED; do not print hours",
        "打 12378，工作日 9:00-17:00 有人接听。",
    ),
    Forbidden(
        "12356 around the clock",
        re.compile(r"(?:12356|channels?:[^>\n]*\bmental-health\b)[^\n]{0,200}?(?:24\s*小时|全天候|24 hours|24/7|around the clock)", re.IGNORECASE),
        "facts.md §3: local 12356 lines give at least 18 hours a day; 24 hours is not confirmed",
        "心理援助热线 12356 全天24小时接听。",
    ),
    Forbidden(
        "operator of 及贷",
        re.compile(
            _JIDAI + r"[^。.!?\n]{0,30}(?:运营方|运营商|由[^。\n]{1,20}运营|旗下|母公司|背后的公司|所属公司|operated by|owned by|run by|operator|parent company)"
            r"|(?:旗下|运营方|operated by|owned by|run by|operator of)[^。.!?\n]{0,30}" + _JIDAI,
            re.IGNORECASE,
        ),
        "facts.md §6: who operates 及贷 is UNCONFIRMED; describe it only as an online lending platform",
        "及贷是某某科技公司旗下的产品。",
    ),
    Forbidden(
        "及贷 linked to 51信用卡",
        re.compile(r"^(?=[\s\S]*" + _JIDAI + r")(?=[\s\S]*(?:51信用卡|51人品贷|51\s*credit\s*card|51\s*renpin))", re.IGNORECASE),
        "facts.md §6: the 2019 51信用卡 raid is NOT known to involve 及贷: never mention them together",
        "2019年杭州警方查处51信用卡，及贷也受到牵连。",
    ),
    Forbidden(
        "及贷 called a 714 lender",
        re.compile(r"^(?=[\s\S]*" + _JIDAI + r")(?=[\s\S]*(?:714|高炮))", re.IGNORECASE),
        "facts.md says nothing about 及贷's loan terms: keep it apart from '714' loans",
        "及贷就是一种714高炮。",
    ),
    Forbidden(
        "a current LPR figure",
        re.compile(
            r"(?:LPR|贷款市场报价利率|loan prime rate)[^\n]{0,40}?\d+(?:\.\d+)?\s*(?:%|％|个百分点|percent|基点|basis points)"
            r"|\d+(?:\.\d+)?\s*(?:%|％)[^\n]{0,20}(?:LPR|贷款市场报价利率|loan prime rate)"
            r"|(?:4\s*倍|四倍|4 times|four times)[^\n]{0,30}?\d+(?:\.\d+)?\s*(?:%|％)",
            re.IGNORECASE,
        ),
        "facts.md §1: do not print a current LPR figure (or 4 times it); tell the reader where to look it up",
        "目前一年期LPR为3.1%，4倍就是12.4%。",
    ),
    Forbidden(
        "hour or call limits credited to the NIFA convention",
        re.compile(
            r"^(?=.*(?:自律公约|Self-Discipline Convention))"
            r"(?=.*(?:22\s*[:：点]|0?8\s*[:：]\s*00|早上\s*8\s*点|[3三]\s*次|3 (?:connected )?calls|three calls)).*$",
            re.IGNORECASE | re.MULTILINE,
        ),
        "facts.md §2: the widely repeated hour and call limits are NOT in the NIFA 2018 convention (they are GB/T 45251—2025's)",
        "《互联网金融逾期债务催收自律公约》规定每天最多打3次，22点后不得催收。",
    ),
)


def forbidden_claims(text: str) -> list[tuple[Forbidden, str]]:
    """(rule, matched text) for every forbidden claim, checked paragraph by paragraph."""
    found = []
    for paragraph in re.split(r"\n\s*\n", text):
        for rule in FORBIDDEN:
            match = rule.pattern.search(paragraph)
            if match:
                found.append((rule, (match.group(0) or paragraph)[:120]))
    return found


# -----------------------------------------------------------------------------
# Legal accuracy (issue 14): wording that misled readers, and what must be said
# -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Outdated:
    name: str
    pattern: re.Pattern[str]
    fix: str  # what to write instead (facts.md section)
    example: str  # the old wording the pattern must catch


OUTDATED: tuple[Outdated, ...] = (
    Outdated(
        "only two crimes",
        re.compile(r"只有两种情况|另外两种情况|only two situations|Two other things can be crimes|Nobody goes to prison for owing", re.IGNORECASE),
        "facts.md 5b: say 'mainly'; add 刑法 第196条 (malicious credit-card overdraft) and lies when borrowing (第266条, 第175条之一)",
        "只有两种情况可能涉及刑事责任：",
    ),
    Outdated(
        "an electronic paper called fake",
        re.compile(r"只用微信或短信[^。\n]{0,12}(?:图片|PDF)|arrives only as a picture or PDF|（微信、短信、图片或 ?PDF）", re.IGNORECASE),
        "facts.md 5a: courts may serve papers electronically (民事诉讼法 2021 第90条); tell the reader to check the case, not the format",
        "这些都是假传票的信号：只用微信或短信发来一张图片或 PDF。",
    ),
    Outdated(
        "one check settles it",
        re.compile(r"核实的结果只有两种|The check has only two outcomes|没有这个案件：文书是假的|No such case: the paper is fake", re.IGNORECASE),
        "facts.md 5a: one 'no such case' answer is not final; say what the court said and to check again if papers come by post or from the court",
        "核实的结果只有两种：案件不存在，这是冒充。",
    ),
    Outdated(
        "only judgments and rulings are enforceable",
        re.compile(r"只有法院的判决和裁定|Only a court'?s? judgment or ruling can be enforced|only court judgments? can be enforced", re.IGNORECASE),
        "facts.md 5a: arbitration awards and enforceable notarised instruments are enforced by a court too",
        "能强制执行的，只有法院的判决和裁定。",
    ),
    Outdated(
        "the latest LPR",
        re.compile(r"请查最新公布的(?:数字|LPR)|look up the latest (?:one|LPR|figure)", re.IGNORECASE),
        "facts.md §1: the cap uses the one-year LPR at the contract date",
        "这个数会变，请查最新公布的数字。",
    ),
    Outdated(
        "every lender under the NFRA",
        re.compile(r"(?:小额贷款公司|microloan companies)[^。\n]{0,12}(?:都归|are supervised by)[^。\n]{0,12}(?:国家金融监督管理总局|National Financial Regulatory)"
                   r"|监管银行、消费金融公司和小额贷款公司的国家机构|national regulator of banks, consumer finance companies and microloan", re.IGNORECASE),
        "facts.md §3: do not say who supervises every lender; say where to complain (12378 takes complaints about microloan companies)",
        "银行、消费金融公司、小额贷款公司都归国家金融监督管理总局监管。",
    ),
    Outdated(
        "第280条 and company documents",
        re.compile(r"伪造(?:国家机关、)?公司[^。\n]{0,4}(?:的)?(?:公文|文件)|伪造公司、机构的印章或文件|documents or seals of (?:state bodies or )?companies|seals or documents of a company", re.IGNORECASE),
        "刑法 第280条: for companies it covers seals, not documents in general",
        "伪造国家机关、公司的公文、印章。",
    ),
    Outdated(
        "a recommended standard stated as binding",
        re.compile(r"国家标准的时间(?:和次数)?底线|出自国家标准|(?<!推荐性)国家标准 GB/T 45251—2025 的时间线"
                   r"|limits of the national standard|time line of the national standard|hours line of the national standard", re.IGNORECASE),
        "facts.md §2: GB/T 45251—2025 is a recommended standard: say 'the national standard recommends'",
        "前两条是国家标准的时间和次数底线。",
    ),
    Outdated(
        "'the platform' for the lender",
        re.compile(r"投诉放贷平台|投诉放贷机构"),
        "name the lender 放贷方 (the app: 借款 App) everywhere",
        "向 12378 投诉放贷平台。",
    ),
    Outdated(
        "'reportedly' inside a citation",
        re.compile(r"（[^（）\n]{0,80}据报道[^（）\n]{0,20}）|\([^()\n]{0,80}(?:as reported|according to published reports)\)", re.IGNORECASE),
        "facts.md: MEDIUM items carry 据报道 / 'Reportedly' at the start of the sentence, never inside the citation",
        "（两高两部的意见，2019年4月9日，据报道）",
    ),
    Outdated(
        "paying less on one's own",
        re.compile(r"(?:只还|只按)[^。\n]{0,8}到手[^。\n]{0,12}(?:还款|就行)|just (?:repay|pay) what (?:you|actually) (?:received|reached you)", re.IGNORECASE),
        "facts.md §1 and 5a: a court decides deductions case by case; raise it in writing or in court",
        "只按到手的钱还款就行。",
    ),
)


def outdated_claims(text: str) -> list[tuple[Outdated, int, str]]:
    """(rule, line, matched text) for every piece of old wording in a file's text."""
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        for rule in OUTDATED:
            match = rule.pattern.search(line)
            if match:
                found.append((rule, number, match.group(0)[:80]))
    return found


@dataclass(frozen=True)
class Required:
    """If a file says `when`, it must also say `then` (same file): a fact a reader acts on."""

    name: str
    when: re.Pattern[str]
    then: re.Pattern[str]
    fix: str
    files: tuple[str, ...] = ()  # path endings it applies to; empty: every file


REQUIRED: tuple[Required, ...] = (
    Required(
        "crime list names credit-card overdraft",
        re.compile(r"第193条|Article 193"),
        re.compile(r"第196条|Article 196"),
        "facts.md 5b: where loan fraud (第193条) is listed, list malicious credit-card overdraft (第196条) too",
    ),
    Required(
        "limitation restarts",
        re.compile(r"诉讼时效|limitation period", re.IGNORECASE),
        re.compile(r"第195条|Article 195|重新(?:计算|开始)|starts? again|restart", re.IGNORECASE),
        "facts.md 5a: say that a demand, a promise or part payment restarts the period (民法典 第195条)",
    ),
    Required(
        "judgment appeal window",
        re.compile(r"判决书"),
        re.compile(r"15日内[^。\n]{0,10}上诉|上诉[^。\n]{0,20}15日|15 days[^.\n]{0,30}appeal|appeal[^.\n]{0,60}15 days", re.IGNORECASE),
        "facts.md 5a: wherever a judgment is shown, say there are 15 days from service to appeal",
    ),
    Required(
        "payment-order objection window",
        re.compile(r"支付令|payment order", re.IGNORECASE),
        re.compile(r"15日内[^。\n]{0,20}(?:异议|还钱)|15 days[^.\n]{0,60}(?:object|pay)", re.IGNORECASE),
        "facts.md 5a: wherever a payment order is shown, say there are 15 days to pay or object in writing",
    ),
    Required(
        "summons and judgment in absence",
        re.compile(r"传票|summons", re.IGNORECASE),
        re.compile(r"缺席判决|in (?:your|their) absence", re.IGNORECASE),
        "facts.md 5a: where a summons is explained, say that staying away can lead to a judgment in absence",
        ("fake-legal-threats.md", "fake-legal-threats.en.md", "glossary.yml", "faq.yml", "is-this-paper-real.yml"),
    ),
)


def missing_statements(text: str, name: str = "", rules: tuple[Required, ...] = REQUIRED) -> list[Required]:
    """The rules (applying to file `name`) whose trigger the text contains but whose statement it lacks."""
    return [
        rule for rule in rules
        if (not rule.files or name.endswith(rule.files)) and rule.when.search(text) and not rule.then.search(text)
    ]


# Second-hand facts (MEDIUM in facts.md): the words that show a sentence rests
# on one. Such a sentence carries 据报道 (en: "reportedly"), outside any brackets.
MEDIUM_MARKERS = re.compile(
    r"第50条|两高两部|自律公约|中国银行业协会|金规〔2025〕9号|3·15|51信用卡|失信被执行人名单信息的若干规定"
    r"|Article 50|two ministries|self-(?:regulation|discipline) convention|China Banking Association"
    r"|publishing the list of dishonest"
    # The dishonest-debtor list and the high-spending ban (facts.md §1, MEDIUM).
    r"|失信被执行人|限制高消费|dishonest judgment debtor|high spending|high consumption",
    re.IGNORECASE,
)
REPORTED = re.compile(r"据报道|据公开报道|二手报道|二手资料|reportedly|according to (?:published )?reports|secondary (?:reports|sources)", re.IGNORECASE)
# Glossary term lines name the thing; they state nothing.
_TERM_LINE = re.compile(r"^\s*(?:term|variants|not_in):")
_SENTENCES = re.compile(r"(?<=[。！？])|(?<=[.!?])\s+(?=[A-Z*\"“])")


def unmarked_reports(text: str) -> list[tuple[int, str]]:
    """(line, sentence) for every sentence resting on a MEDIUM fact without 据报道 / "reportedly"."""
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        if _TERM_LINE.match(line):
            continue
        for sentence in _SENTENCES.split(line):
            if MEDIUM_MARKERS.search(sentence) and not REPORTED.search(sentence):
                found.append((number, sentence.strip()[:80]))
    return found
