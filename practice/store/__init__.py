"""The database: atomic saves, rolling backups, the schema and the TinyDB tables."""
