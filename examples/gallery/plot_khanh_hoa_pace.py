"""
Khánh Hòa's pace in July 2023
=============================

On 2023-07-01 Khánh Hòa had collected 546,234 applications for level-2 e-ID
accounts and activated 260,234, against a target of 756,805 by 2023-07-30.
What daily pace did the rest of the month need, for each figure?
"""

# %%
# The readings and the target come from the bundled report; a forecast from a
# single reading cannot judge the pace so far, but it says what pace the days
# left need, per calendar day and per working day of the public offices.
import matplotlib.pyplot as plt

import de_an06 as da
from de_an06 import datasets
from de_an06.plotting import plot_series

calendar = da.WorkingCalendar(first_year=2023, last_year=2023)
codes = ["eid-collected", "eid-activated"]
fig, axes = plt.subplots(1, 2, figsize=(10, 4), sharey=True, layout="constrained")
for code, ax in zip(codes, axes, strict=True):
    reading = datasets.readings(jurisdiction="56", indicator=code)[-1]
    target = datasets.targets(jurisdiction="56", indicator=code)[0]
    per_day = da.forecast(reading, target)
    per_working_day = da.forecast(reading, target, calendar=calendar)
    plot_series(reading, target, ax=ax)
    ax.set_title(reading.indicator.name_vi)
    print(f"{reading.indicator.name}: {reading.value:,.0f} on {reading.as_of}; "
          f"needs {per_day.required_pace:,.0f} a day, "
          f"{per_working_day.required_pace:,.0f} a working day")

# %%
# Collection needs about 7,261 applications a day; activation, which started
# further behind, needs more than twice that. A report saying both would reach
# the target "at the current pace" can be right for collection only.
