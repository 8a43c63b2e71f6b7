from __future__ import annotations

import datetime as dt
import unicodedata
from html.parser import HTMLParser

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import de_an06 as da
from de_an06 import _present
from de_an06 import strategies as das

VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "wbr", "col"})


class _Checker(HTMLParser):
    """Fails on unbalanced tags; collects the text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        del attrs
        self.tags.append(tag)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, f"</{tag}> closes nothing"
        opened = self.stack.pop()
        assert opened == tag, f"</{tag}> closes <{opened}>"

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def well_formed(markup: str) -> str:
    """Parse `markup`, assert tags balance, return its text content."""
    checker = _Checker()
    checker.feed(markup)
    checker.close()
    assert checker.stack == [], f"unclosed {checker.stack}"
    assert "script" not in checker.tags
    return "".join(checker.text)


@pytest.fixture
def hostile(collected: da.Indicator) -> da.Reading:
    place = da.Jurisdiction("56", "<script>alert(1)</script>", "Khánh <b>Hòa</b>",
                            level="province", parent="VN")
    source = da.Source("src", 'Title "quoted" & <i>', "Báo <script>x</script>",
                       url="javascript:alert(1)")
    return da.Reading(collected, 546_234, as_of=dt.date(2023, 7, 1), jurisdiction=place,
                      source=source,
                      note="<img src=x onerror=alert(1)>")


def test_user_strings_are_escaped(hostile: da.Reading) -> None:
    markup = hostile._repr_html_()
    assert "<script>" not in markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup
    assert "<img" not in markup
    assert "&quot;quoted&quot; &amp; &lt;i&gt;" in markup
    assert 'href="javascript' not in markup  # only http(s) links become links
    text = well_formed(markup)
    assert "<script>alert(1)</script>" in text  # shown, as text
    assert "Khánh <b>Hòa</b>" in text


def test_safe_url_becomes_a_link(reading: da.Reading) -> None:
    source = da.Source("kh", "Khánh Hòa report", "Báo Khánh Hòa",
                       url='https://example.org/a?b=1&c="2"')
    markup = attrs.evolve(reading, source=source)._repr_html_()
    assert 'href="https://example.org/a?b=1&amp;c=&quot;2&quot;"' in markup
    well_formed(markup)


def test_qualifier_symbols_and_units(khanh_hoa: da.Jurisdiction, share: da.Indicator) -> None:
    more = da.Reading(share, 65, as_of=dt.date(2024, 6, 30), jurisdiction=khanh_hoa,
                      qualifier="more_than")
    about = da.Reading(share, 98, as_of=dt.date(2024, 6, 30), jurisdiction=khanh_hoa,
                       qualifier="about")
    uses = da.Indicator("vneid-uses", "VNeID uses", "Lượt sử dụng VNeID", unit="uses")
    nearly = da.Reading(uses, 44_000, as_of=dt.date(2024, 6, 30), jurisdiction=khanh_hoa,
                        qualifier="nearly")
    assert "&gt; 65 %" in more._repr_html_()
    assert "> 65 %" in well_formed(more._repr_html_())
    assert "≈ 98 %" in well_formed(about._repr_html_())
    assert "<~ 44,000 uses" in well_formed(nearly._repr_html_())
    assert "gần" in well_formed(nearly._repr_html_())  # the Vietnamese qualifier word
    assert str(nearly) == "Khánh Hòa · VNeID uses: <~ 44,000 uses on 2024-06-30"


def test_vietnamese_is_kept_in_nfc(collected: da.Indicator) -> None:
    decomposed = unicodedata.normalize("NFD", "Khánh Hòa")
    place = da.Jurisdiction("56", "Khanh Hoa", decomposed, level="province", parent="VN")
    reading = da.Reading(collected, 1, as_of=dt.date(2023, 7, 1), jurisdiction=place)
    text = well_formed(reading._repr_html_())
    assert "Khánh Hòa" in text
    assert unicodedata.is_normalized("NFC", text)
    assert 'lang="vi"' in reading._repr_html_()
    assert "Thu nhận hồ sơ định danh điện tử" in text


def test_reading_shows_counts_basis_period_and_source() -> None:
    share = da.datasets.readings(jurisdiction="54", indicator="insurance-verified-share")[0]
    text = well_formed(share._repr_html_())
    assert "98.94 %" in text
    assert "Counts" in text
    assert "Basis" in text
    assert share.source is not None
    assert share.source.publisher in text
    place = da.Jurisdiction("VN", "Viet Nam", "Việt Nam", level="nation")
    flow = da.Indicator("uses", "Uses", "Lượt", unit="uses", measure="flow")
    hedged = da.Reading(flow, 5, as_of=dt.date(2024, 6, 30), jurisdiction=place,
                        period_start=dt.date(2024, 1, 1),
                        inferred={"value"}, numerator=None)
    text = well_formed(hedged._repr_html_())
    assert "2024-01-01 to 2024-06-30" in text
    assert "Inferred" in text
    assert str(hedged).endswith("5 uses 2024-01-01 to 2024-06-30")


def test_target_display() -> None:
    target = da.datasets.targets(jurisdiction="56", indicator="eid-collected")[0]
    text = well_formed(target._repr_html_())
    assert "≥ 756,805 people" in text
    assert "2023-07-30" in text
    assert str(target).endswith("target ≥ 756,805 people by 2023-07-30")
    inferred = da.datasets.targets(jurisdiction="51-tra-bong", indicator="welfare-noncash-share")
    text = well_formed(inferred[0]._repr_html_())
    assert "(inferred)" in text
    assert "Note" in text
    time = da.Indicator("time", "Processing time", "Thời gian giải quyết", unit="days")
    place = da.Jurisdiction("VN", "Viet Nam", "Việt Nam", level="nation")
    assert "≤ 4 days" in str(da.Target(time, 4, jurisdiction=place))


def test_series_display_elides_the_middle(collected: da.Indicator,
                                          khanh_hoa: da.Jurisdiction) -> None:
    readings = [da.Reading(collected, 1000 * i, as_of=dt.date(2023, 1, 1) + dt.timedelta(days=i),
                           jurisdiction=khanh_hoa) for i in range(20)]
    series = da.Series(readings)
    text = well_formed(series._repr_html_())
    assert "Series of 20 readings" in text
    assert "… 10 more …" in text
    assert "19,000" in text
    assert "2023-01-08" not in text
    assert str(series) == ("Khánh Hòa · e-ID applications collected: 20 readings, "
                           "2023-01-01 to 2023-01-20, latest 19,000 people")
    one = da.Series(readings[:1])
    assert "Series of 1 reading" in well_formed(one._repr_html_())
    assert "1 reading, 2023-01-01," in str(one)


def test_programme_display() -> None:
    text = well_formed(da.datasets.programme()._repr_html_())
    assert "06/QĐ-TTg" in text
    assert "2022–2025, vision 2030" in text
    assert "Group 1" in text


def test_analysis_results_display(reading: da.Reading) -> None:
    a = da.attainment(reading, 756_805)
    assert str(a) == "546,234 people of 756,805 people (72.18 %): not met"
    assert "72.18 % of target" in well_formed(a._repr_html_())
    points = da.attainment(47, 30)
    assert str(points) == "47 of 30 (156.67 %): met"
    pct = da.Indicator("s", "Share", "Tỷ lệ", unit="percent")
    hedged = da.Reading(pct, 60, as_of=dt.date(2024, 6, 30), jurisdiction=reading.jurisdiction,
                        qualifier="more_than")
    text = well_formed(da.attainment(hedged, 62)._repr_html_())
    assert "-2 points" in text
    assert "open" in text

    earlier = attrs.evolve(reading, value=500_000, as_of=dt.date(2023, 6, 25))
    middle = attrs.evolve(reading, value=520_000, as_of=dt.date(2023, 6, 28))
    series = da.Series([reading, earlier, middle])
    f = da.forecast(series, 756_805, deadline=dt.date(2023, 7, 30),
                    calendar=da.WorkingCalendar(first_year=2023, last_year=2023))
    text = well_formed(f._repr_html_())
    assert "per working day" in text
    assert "working days)" in text
    assert str(f).startswith(_present.STATUS_PHRASES[f.status.value])
    assert "needs" in str(f)
    assert "reaches 756,805" in str(f)
    assert f.trend is not None
    text = well_formed(f.trend._repr_html_())
    assert "per day" in text
    assert "95 % CI" in text
    single = da.forecast(reading, 756_805, deadline=dt.date(2023, 7, 30))
    assert str(single) == "status not available; needs 7,261.07 per day"
    text = well_formed(single._repr_html_())
    assert "29 days" in text


def test_completion_display() -> None:
    c = da.Completion.from_counts(done=11, total=13)
    assert str(c) == "11 of 13 tasks done (84.62 %)"
    text = well_formed(c._repr_html_())
    assert "11 of 13 (84.62 %)" in text
    full = da.Completion(3, 5, in_progress=1, not_started=1, overdue=1,
                         as_of=dt.date(2024, 12, 1))
    assert str(full) == ("3 of 5 tasks done (60 %), 1 in progress, 1 not started, 1 overdue "
                         "on 2024-12-01")


def test_number_formatting() -> None:
    assert _present.number(float("inf")) == "inf"
    assert _present.number(-0.001) == "0"
    assert _present.number(1e6 + 0.25) == "1,000,000.25"


def test_repr_is_unchanged(reading: da.Reading) -> None:
    assert repr(reading).startswith("Reading(indicator=Indicator(")


@st.composite
def results(draw: st.DrawFn) -> object:
    indicator = draw(das.indicators())
    place = draw(das.jurisdictions())
    kind = draw(st.sampled_from(["attainment", "trend", "forecast", "completion"]))
    if kind == "completion":
        tasks = draw(st.lists(das.tasks(), min_size=1, max_size=5, unique_by=lambda t: t.code))
        return da.completion(tasks, as_of=draw(st.dates(dt.date(2022, 1, 1),
                                                         dt.date(2030, 1, 1))))
    series = draw(das.series(indicators=st.just(indicator), jurisdictions=st.just(place),
                             min_size=2 if kind == "trend" else 1, max_size=6))
    target = draw(das.targets(indicators=st.just(indicator), jurisdictions=st.just(place),
                              deadlines=st.none()))
    if kind == "trend":
        return da.trend(series)
    if kind == "forecast":
        return da.forecast(series, target)
    if target.value == 0:
        return da.attainment(series.latest, 1)
    return da.attainment(series.latest, target)


def _renders(obj: object) -> None:
    markup = obj._repr_html_()  # type: ignore[attr-defined]
    text = well_formed(markup)
    assert unicodedata.is_normalized("NFC", text)
    assert str(obj)


@given(st.one_of(das.readings(), das.series(max_size=15), das.targets()))
def test_model_objects_render_well_formed_html(obj: object) -> None:
    _renders(obj)


@pytest.mark.slow
@given(das.programmes())
def test_programmes_render_well_formed_html(programme: da.Programme) -> None:
    _renders(programme)


@given(results())
def test_analysis_results_render_well_formed_html(result: object) -> None:
    _renders(result)


def test_partial_counts_inferred_date_and_flat_trend(khanh_hoa: da.Jurisdiction,
                                                     share: da.Indicator) -> None:
    source = da.Source("kh", "Report", "Báo Khánh Hòa", published=dt.date(2023, 7, 2),
                       date_inferred=True)
    only_denominator = da.Reading(share, 50, as_of=dt.date(2023, 7, 1), jurisdiction=khanh_hoa,
                                  denominator=100,
                                  source=source)
    text = well_formed(only_denominator._repr_html_())
    assert "? / 100" in text
    assert "2023-07-02 (date inferred)" in text
    flat = da.Series([da.Reading(share, 50, as_of=dt.date(2023, 7, d),
                                 jurisdiction=khanh_hoa) for d in (1, 2, 3)])
    fitted = da.trend(flat)
    text = well_formed(fitted._repr_html_())
    assert "(flat)" in text
    assert "R²—" in text


def test_trend_of_two_readings_has_no_interval(khanh_hoa: da.Jurisdiction,
                                               collected: da.Indicator) -> None:
    two = da.Series([da.Reading(collected, 546_234, as_of=dt.date(2023, 7, 1),
                                jurisdiction=khanh_hoa),
                     da.Reading(collected, 600_000, as_of=dt.date(2023, 7, 11),
                                jurisdiction=khanh_hoa)])
    fitted = da.trend(two)
    assert fitted.slope_ci is None
    text = well_formed(fitted._repr_html_())
    assert "5,376.6" in text
    assert "Slope 95 % CI—Slope SE—" in text
