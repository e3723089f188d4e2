import type { DatabaseKind } from "../support/databases";

/**
 * A second hand-written schema (a blog), as each database's users write it: two enumerations, a
 * composite primary key of two foreign keys, a self-referencing comment thread, checks, a
 * composite unique, an index on a timestamp, and defaults of several kinds.
 */
export const BLOG_DDL: Readonly<Record<DatabaseKind, readonly string[]>> = {
  postgres: [
    `CREATE TYPE user_role AS ENUM ('reader', 'author', 'admin')`,
    `CREATE TYPE post_status AS ENUM ('draft', 'published', 'archived')`,
    `CREATE TABLE users (id bigserial PRIMARY KEY, email varchar(254) NOT NULL, role user_role NOT NULL DEFAULT 'reader', joined date NOT NULL DEFAULT CURRENT_DATE, CONSTRAINT users_email_key UNIQUE (email))`,
    `CREATE TABLE posts (
       id serial PRIMARY KEY,
       author bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
       title varchar(200) NOT NULL,
       body text NOT NULL DEFAULT '',
       status post_status NOT NULL DEFAULT 'draft',
       created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
       CONSTRAINT posts_author_title_key UNIQUE (author, title)
     )`,
    `CREATE INDEX posts_created_at_idx ON posts (created_at)`,
    `CREATE TABLE comments (
       id serial PRIMARY KEY,
       post integer NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
       parent integer REFERENCES comments (id) ON DELETE CASCADE,
       body text NOT NULL,
       CONSTRAINT comments_body_not_empty CHECK (length(body) > 0)
     )`,
    `CREATE TABLE tags (name varchar(40) PRIMARY KEY)`,
    `CREATE TABLE post_tags (post integer NOT NULL REFERENCES posts (id) ON DELETE CASCADE, tag varchar(40) NOT NULL REFERENCES tags (name) ON UPDATE CASCADE, PRIMARY KEY (post, tag))`,
  ],
  mysql: [
    `CREATE TABLE users (id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY, email varchar(254) NOT NULL, role enum('reader', 'author', 'admin') NOT NULL DEFAULT 'reader',
       joined date NOT NULL DEFAULT (CURRENT_DATE), CONSTRAINT users_email_key UNIQUE (email))`,
    `CREATE TABLE posts (
       id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
       author bigint NOT NULL,
       title varchar(200) NOT NULL,
       body text NOT NULL DEFAULT '',
       status enum('draft', 'published', 'archived') NOT NULL DEFAULT 'draft',
       created_at datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
       CONSTRAINT posts_author_title_key UNIQUE (author, title),
       CONSTRAINT posts_author_fkey FOREIGN KEY (author) REFERENCES users (id) ON DELETE CASCADE
     )`,
    `CREATE INDEX posts_created_at_idx ON posts (created_at)`,
    `CREATE TABLE comments (
       id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
       post int NOT NULL,
       parent int NULL,
       body text NOT NULL,
       CONSTRAINT comments_body_not_empty CHECK (char_length(body) > 0),
       CONSTRAINT comments_post_fkey FOREIGN KEY (post) REFERENCES posts (id) ON DELETE CASCADE,
       CONSTRAINT comments_parent_fkey FOREIGN KEY (parent) REFERENCES comments (id) ON DELETE CASCADE
     )`,
    `CREATE TABLE tags (name varchar(40) NOT NULL PRIMARY KEY)`,
    `CREATE TABLE post_tags (post int NOT NULL, tag varchar(40) NOT NULL, PRIMARY KEY (post, tag),
       CONSTRAINT post_tags_post_fkey FOREIGN KEY (post) REFERENCES posts (id) ON DELETE CASCADE,
       CONSTRAINT post_tags_tag_fkey FOREIGN KEY (tag) REFERENCES tags (name) ON UPDATE CASCADE)`,
  ],
  sqlite: [
    `CREATE TABLE users (id INTEGER PRIMARY KEY AUTOINCREMENT, email VARCHAR(254) NOT NULL, role TEXT NOT NULL DEFAULT 'reader' CHECK (role IN ('reader', 'author', 'admin')),
       joined DATE NOT NULL DEFAULT CURRENT_DATE, CONSTRAINT users_email_key UNIQUE (email))`,
    `CREATE TABLE posts (
       id INTEGER PRIMARY KEY AUTOINCREMENT,
       author INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
       title VARCHAR(200) NOT NULL,
       body TEXT NOT NULL DEFAULT '',
       status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
       created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
       CONSTRAINT posts_author_title_key UNIQUE (author, title)
     )`,
    `CREATE INDEX posts_created_at_idx ON posts (created_at)`,
    `CREATE TABLE comments (
       id INTEGER PRIMARY KEY AUTOINCREMENT,
       post INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
       parent INTEGER REFERENCES comments (id) ON DELETE CASCADE,
       body TEXT NOT NULL,
       CONSTRAINT comments_body_not_empty CHECK (length(body) > 0)
     )`,
    `CREATE TABLE tags (name VARCHAR(40) NOT NULL PRIMARY KEY)`,
    `CREATE TABLE post_tags (post INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE, tag VARCHAR(40) NOT NULL REFERENCES tags (name) ON UPDATE CASCADE, PRIMARY KEY (post, tag))`,
  ],
};
