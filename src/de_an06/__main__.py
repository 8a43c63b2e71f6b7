"""``python -m de_an06`` runs the ``de-an06`` command."""

from de_an06.cli import main

raise SystemExit(main())
