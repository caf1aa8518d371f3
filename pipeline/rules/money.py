"""Sums of money in Russian text: amount, range, currency and how exact the text says it is.

Built on `find_numbers`: a number is money when a currency is named next to it, or when it
carries a scale word ("около 8 миллиардов!") that is not counting something else
("120 тысяч автомобилей"). Such currency-less sums get `currency=None`; `carry_currency`
then fills them from the previous mention, as a reader would.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from pipeline.rules import lexicon
from pipeline.rules.memo import memo_text
from pipeline.rules.numbers import NumberMention, find_numbers, morph

__all__ = ["Money", "carry_currency", "find_money"]


@dataclass(frozen=True)
class Money:
    start: int  # span includes a leading qualifier ("порядка ...") and the currency
    end: int
    text: str
    amount: float  # lower/only value, in units of currency (e.g. 28e9)
    amount_max: float | None  # upper end of a range "от 2 до 3 млрд рублей"
    currency: str | None  # ISO 4217; None when the text names none
    qualifier: str  # exact | approx | at_least | at_most (a range -> exact/approx + amount_max)


_I = re.IGNORECASE
_NOT_LETTER = r"(?![^\W\d_])"

# The word lists are pipeline/data/lexicon/currencies.csv and money_words.csv;
# load_lexicon() reads them into these names.
_CURRENCIES_AFTER: list[tuple[str, str]] = []  # (regex, ISO code), longest first
_AFTER_RE: re.Pattern[str] = re.compile("")
_BEFORE_RE: re.Pattern[str] = re.compile("")
_PREFIX_CODES: dict[str, str] = {}
_QUALIFIERS: dict[str, str] = {}
_QUAL_RE: re.Pattern[str] = re.compile("")
_MONEY_NOUNS: frozenset[str] = frozenset()
# "тыс. р." only after a scale word: a bare "р." is too often "река".
_RUB_SHORT_RE = re.compile(r"\s*р\.(?!\s*[А-ЯЁ][а-яё])")


def _after_re(currencies: list[tuple[str, str]]) -> re.Pattern[str]:
    """One regex of every currency after a number, each in its own named group."""
    return re.compile(
        r"\s*(?:" + "|".join(f"(?P<c{i}>{rx})" for i, (rx, _) in enumerate(currencies))
        + r")" + _NOT_LETTER, _I)


def _qual_re(qualifiers: dict[str, str]) -> re.Pattern[str]:
    """A qualifier right before a sum. Leftmost match wins, so "не менее" beats "менее";
    `\\s+` lets any spacing through."""
    return re.compile(
        r"(?<![^\W\d_])(?:чуть\s+|чуть\s+ли\s+не\s+)?(?P<q>"
        + "|".join(sorted((q.replace(" ", r"\s+") for q in qualifiers), key=len, reverse=True))
        + r")\s+$", _I)


def load_lexicon() -> None:
    """(Re)read this module's word lists from pipeline/data/lexicon/; called on import, and
    by a caller that edited a file (after `lexicon.rows.cache_clear()`)."""
    global _CURRENCIES_AFTER, _AFTER_RE, _BEFORE_RE, _PREFIX_CODES, _QUALIFIERS, _QUAL_RE
    global _MONEY_NOUNS
    rows = lexicon.rows("currencies")
    _CURRENCIES_AFTER = [(r["pattern"], r["code"]) for r in rows
                         if r["position"] == "after" and r["pattern"]]
    _AFTER_RE = _after_re(_CURRENCIES_AFTER)
    _PREFIX_CODES = lexicon.mapping("currencies", "pattern", "code", position="before")
    _BEFORE_RE = re.compile(
        "(?P<cur>" + "|".join(re.escape(sym) for sym in _PREFIX_CODES) + r")\s*$")
    _QUALIFIERS = lexicon.mapping("money_words", "word", "qualifier", role="qualifier")
    _QUAL_RE = _qual_re(_QUALIFIERS)
    _MONEY_NOUNS = lexicon.words("money_words", role="money_noun")
    find_money.cache_clear()  # type: ignore[attr-defined]


_PERCENT_RE = re.compile(r"\s*(?:%|процент|п\.\s*п\.)", _I)
_RANGE_DASH_RE = re.compile(r"\s*[-–—−‒]\s*")
_RANGE_DO_RE = re.compile(r"\s+до\s+", _I)
_OT_RE = re.compile(r"(?<![^\W\d_])от\s+$", _I)
# "увеличен с 2 до 3 млрд": "до" after "с <number>" is a change, the new sum is exact
_CHANGE_FROM_RE = re.compile(r"(?<![^\W\d_])с\s+\d[\d\s,.]*$", _I)
# "решили увеличить финансирование до 800 млн": "до" after a verb of raising (up to six
# words between) names the new sum, exact (real news dev r19_042; r16_023's "с 2 до 3" above)
_RAISED_TO_RE = re.compile(
    r"(?<![^\W\d_])(?:увелич|нараст|наращ|повыс|повыш|довест|довед|довел|возрос|вырос)\w*"
    r"(?:\s+[^\s\d,.;:]+){0,6}\s*$", _I)
# a currency-less sum must be large: a bare "тысячи" counts people ("рабочих мест достигает
# тысячи"), "8 миллиардов" is money
_MIN_BARE_SUM = 1e6
# What may follow a currency-less scale word for it to still be a sum ("8 млрд!", "8 млрд на").
_BOUNDARY_RE = re.compile(r"\s*(?:$|[!?.,;:)»\"“”…]|[-–—−‒]\s)")
_NEXT_WORD_RE = re.compile(r"\s*([^\W\d_]+)")
# a pronoun after a scale word is no counted thing: "еще 12 миллионов он сможет получить"
# (real news dev r12_014)
_NOT_COUNTING_POS = {"PREP", "CONJ", "PRCL", "VERB", "INFN", "PRTS", "ADVB", "GRND", "INTJ",
                     "NPRO"}
_QUAL_WINDOW = 40


@dataclass
class _Cand:
    num: NumberMention
    start: int
    end: int
    currency: str | None
    qualifier: str
    qual_start: int | None


def _currency_after(text: str, num: NumberMention) -> tuple[str | None, int]:
    m = _AFTER_RE.match(text, num.end)
    if m:
        for i, (_, code) in enumerate(_CURRENCIES_AFTER):
            if m.group(f"c{i}") is not None:
                return code, m.end()
    if num.multiplier > 1:
        m2 = _RUB_SHORT_RE.match(text, num.end)
        if m2:
            return "RUB", m2.end()
    return None, num.end


def _counts_something(text: str, pos: int) -> bool:
    """True when the word after a currency-less scale word is what is being counted."""
    if _BOUNDARY_RE.match(text, pos):
        return False
    m = _NEXT_WORD_RE.match(text, pos)
    if not m:
        return False
    word = m.group(1)
    parse = morph().parse(word)[0]
    if parse.tag.POS in _NOT_COUNTING_POS:
        return False
    return parse.normal_form not in _MONEY_NOUNS


def _qualifier_before(text: str, pos: int) -> tuple[str, int | None]:
    window_start = max(0, pos - _QUAL_WINDOW)
    m = _QUAL_RE.search(text[window_start:pos])
    if not m:
        return "exact", None
    key = re.sub(r"\s+", " ", m.group("q").lower())
    return _QUALIFIERS[key], window_start + m.start()


def _candidate(text: str, num: NumberMention) -> _Cand | None:
    if _PERCENT_RE.match(text, num.end):
        return None
    currency, end = _currency_after(text, num)
    start = num.start
    pre = _BEFORE_RE.search(text, max(0, num.start - 4), num.start)
    if pre and currency is None:
        currency = _PREFIX_CODES[pre.group("cur")]
        start = pre.start()
    if currency is None and (num.multiplier <= 1 or num.value < _MIN_BARE_SUM
                             or _counts_something(text, num.end)):
        return None
    qualifier, qual_start = _qualifier_before(text, start)
    if qualifier == "at_most" and qual_start is not None \
            and (_CHANGE_FROM_RE.search(text, max(0, qual_start - 20), qual_start)
                 or _RAISED_TO_RE.search(text, max(0, qual_start - 80), qual_start)):
        qualifier, qual_start = "exact", None
    return _Cand(num, start, end, currency, qualifier, qual_start)


def _range_lower(text: str, prev: NumberMention, prev_end: int, cur: _Cand) -> float | None:
    """Lower bound when `prev` and `cur` form "2–3 млрд" or "от 2 до 3 млрд", else None."""
    if _RANGE_DASH_RE.fullmatch(text, prev_end, cur.start) is None:
        if _RANGE_DO_RE.fullmatch(text, prev_end, cur.start) is None:
            return None
        if not _OT_RE.search(text, max(0, prev.start - 10), prev.start):
            return None  # "с 2 до 3 млрд" is a change, not a range
    if _PERCENT_RE.match(text, prev.end):
        return None
    lower = prev.value if prev.multiplier > 1 else prev.value * cur.num.multiplier
    return lower if 0 <= lower < cur.num.value else None


@memo_text
def find_money(text: str) -> list[Money]:
    """Sums of money in `text`, in order; ranges are merged into one mention."""
    nums = find_numbers(text)
    if not nums:
        return []
    cands: list[_Cand | None] = [_candidate(text, n) for n in nums]
    out: list[Money] = []
    skip_prev = False
    pending: Money | None = None
    for i, cand in enumerate(cands):
        if cand is None:
            if pending:
                out.append(pending)
            pending = None
            continue
        lower = None
        prev_cand = cands[i - 1] if i > 0 else None
        if i > 0 and not skip_prev:
            prev = nums[i - 1]
            prev_end = prev_cand.end if prev_cand is not None else prev.end
            prev_cur = prev_cand.currency if prev_cand is not None else None
            if prev_cur is None or cand.currency in (None, prev_cur):
                lower = _range_lower(text, prev, prev_end, cand)
                if lower is not None and cand.currency is None:
                    cand.currency = prev_cur  # "$2–3 млрд"
        skip_prev = False
        if lower is not None:
            prev = nums[i - 1]
            first_start = prev_cand.start if prev_cand is not None else prev.start
            qual, qual_start = _qualifier_before(text, first_start)
            start = qual_start if qual_start is not None else first_start
            qualifier = "approx" if qual == "approx" else "exact"
            pending = None  # the lower bound was (maybe) a mention on its own: merged now
            out.append(Money(start, cand.end, text[start:cand.end], lower, cand.num.value,
                             cand.currency, qualifier))
            skip_prev = True  # "2–3–4" does not chain
            continue
        if pending:
            out.append(pending)
        start = cand.qual_start if cand.qual_start is not None else cand.start
        pending = Money(start, cand.end, text[start:cand.end], cand.num.value, None,
                        cand.currency, cand.qualifier)
    if pending:
        out.append(pending)
    return _bounds_as_ranges(text, out)


# "минимум 750 миллионов рублей, максимум – 1,1 миллиарда": a lower and an upper bound of one
# sum side by side (real news dev r8_002)
_BOUNDS_GAP = re.compile(r"[\s,;]*(?:(?:а|и)\s+)?(?P<upper>(?:как\s+)?максимум|не\s+более)?"
                         r"\s*[–—-]?\s*", _I)


def _bounds_as_ranges(text: str, money: list[Money]) -> list[Money]:
    """An "at least" sum right followed by an "at most" one in its currency (or none) is
    one range, exact ("не менее 2 млрд и не более 3 млрд", "минимум 750 млн, максимум –
    1,1 млрд")."""
    out: list[Money] = []
    for m in money:
        prev = out[-1] if out else None
        gap = _BOUNDS_GAP.fullmatch(text, prev.end, m.start) if prev is not None else None
        if prev is not None and gap is not None and prev.qualifier == "at_least" \
                and (m.qualifier == "at_most" or (m.qualifier == "exact" and gap["upper"])) \
                and prev.amount_max is None and m.amount_max is None \
                and m.currency in (None, prev.currency) and prev.amount < m.amount:
            out[-1] = Money(prev.start, m.end, text[prev.start:m.end], prev.amount, m.amount,
                            prev.currency, "exact")
            continue
        out.append(m)
    return out


load_lexicon()


def carry_currency(mentions: list[Money], default: str | None = None) -> list[Money]:
    """Fill missing currencies from the most recent earlier mention, else `default`.

    "28 миллиардов рублей ..., из них ... около 8 миллиардов" – the second sum is roubles.
    """
    out: list[Money] = []
    last = default
    for m in mentions:
        if m.currency is None:
            out.append(replace(m, currency=last) if last is not None else m)
        else:
            last = m.currency
            out.append(m)
    return out
