"""History beyond the raw reports (issue 5): metric catalogue (`catalogue`), range -> table
choice and chart data (`series`), hourly rollups (`rollups`), retention (`retention`,
`service`) and export (`export`, `cli`). No Qt here; `ui/trend_*.py` draws what this returns.

Kept light (no numpy): `app.core` imports the service from here.
"""

from .catalogue import BY_KEY, METRICS, Metric, Series, metric
from .retention import Retention
from .service import HistoryService

__all__ = ["BY_KEY", "METRICS", "HistoryService", "Metric", "Retention", "Series", "metric"]
