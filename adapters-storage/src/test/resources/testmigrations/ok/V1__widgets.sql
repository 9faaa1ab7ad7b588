CREATE TABLE widgets (w INT);
