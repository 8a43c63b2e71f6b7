"""Build a few Đề án 06 objects from the Khánh Hòa report of 2023-07-02 and print them."""

import datetime as dt

import de_an06 as da

khanh_hoa = da.Jurisdiction("56", "Khanh Hoa", "Khánh Hòa", level=da.Level.PROVINCE, parent="VN")
collected = da.Indicator(
    "eid-collected", "e-ID applications collected", "Thu nhận hồ sơ định danh điện tử",
    unit=da.Unit.PEOPLE,
)
reading = da.Reading(collected, 546_234, as_of=dt.date(2023, 7, 1), jurisdiction=khanh_hoa)
target = da.Target(collected, 756_805, jurisdiction=khanh_hoa, deadline=dt.date(2023, 7, 30))
birth = da.LinkedService(
    "birth-bundle", "Birth registration bundle", "Liên thông khai sinh",
    procedures=("birth registration", "permanent residence", "BHYT card under 6"),
    days_before=21, days_after=4,
)
print(reading)
print(target)
print(f"{khanh_hoa.name_vi}: {reading.value:,} of {target.value:,} "
      f"({100 * reading.value / target.value:.2f} %)")
print(f"Linked services: {birth.days_saved} days saved ({birth.time_cut:.2%} shorter)")
print(f"Rank 62/63 -> 37/63: percentile {da.Rank(62, 63).percentile:.1f} -> "
      f"{da.Rank(37, 63).percentile:.1f}")
