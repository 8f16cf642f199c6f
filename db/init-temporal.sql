-- docker-compose only: Temporal keeps its own databases beside Tandem's in the same PostgreSQL.
create database temporal;
create database temporal_visibility;
