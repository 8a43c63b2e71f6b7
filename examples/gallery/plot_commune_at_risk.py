"""
Communes at risk of missing the deadline
========================================

A district sends its weekly spreadsheet of level-2 e-ID activations per
commune (the made-up example file bundled with the library). Which communes
will miss 30 June 2025 at their current pace, and what does the worst one look
like?
"""

# %%
# :func:`de_an06.io.read_table` reads the file as provinces write it (title
# rows, ``;`` separators, Vietnamese headers and numbers); the targets and the
# deadline come from the file itself.
from de_an06 import batch, datasets, io
from de_an06.plotting import plot_forecast

table = io.read_table(datasets.example_file())
forecasts = batch.forecasts(table)
risk = forecasts.at_risk(10)
for row in risk.records():
    print(f"{row['name']}: {row['days_late']:.0f} days late, reaches the target on "
          f"{row['reach_date']}")

# %%
# The worst commune: its readings, the fitted pace and the pace the target needs.
ax = plot_forecast(table, forecasts, risk.ids[0])
ax.figure.set_size_inches(8, 4.5)
