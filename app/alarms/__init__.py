"""Alarms: rules turning reports and silence into alarms; raise / acknowledge / clear / shelve.

Kept light: `app.config` imports `app.alarms.settings`, so the engine is imported from
`app.alarms.engine` where it is needed.
"""
