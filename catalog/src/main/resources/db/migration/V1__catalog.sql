-- catalog schema: genres, books (many-to-many with genres), inventory items. utf8mb4 throughout.
-- Every list is keyset-paginated on id, so every filter has an index that ends in id.

CREATE TABLE genre (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    name        VARCHAR(100) NOT NULL,
    -- lower-cased name, binary-compared: names are unique without regard to case (but not to accents).
    name_key    VARCHAR(100) NOT NULL COLLATE utf8mb4_bin,
    description VARCHAR(1000),
    created_at  DATETIME(6)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    version     INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_genre_name_key UNIQUE (name_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE book (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    title          VARCHAR(255) NOT NULL,
    author         VARCHAR(255) NOT NULL,
    isbn           CHAR(13)     NOT NULL COLLATE ascii_bin,
    published_year SMALLINT,
    description    VARCHAR(4000),
    created_at     DATETIME(6)  NOT NULL,
    updated_at     DATETIME(6)  NOT NULL,
    version        INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_book_isbn UNIQUE (isbn),
    INDEX ix_book_author (author, id),
    FULLTEXT INDEX ft_book_title_author (title, author)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE book_genre (
    book_id  BIGINT NOT NULL,
    genre_id BIGINT NOT NULL,
    PRIMARY KEY (book_id, genre_id),
    -- the genre filter walks a genre's books in id order
    INDEX ix_book_genre_genre (genre_id, book_id),
    -- deleting a genre unlinks it from its books; deleting a book drops its links
    CONSTRAINT fk_book_genre_book FOREIGN KEY (book_id) REFERENCES book (id) ON DELETE CASCADE,
    CONSTRAINT fk_book_genre_genre FOREIGN KEY (genre_id) REFERENCES genre (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE inventory_item (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    book_id        BIGINT        NOT NULL,
    item_condition VARCHAR(4)    NOT NULL,
    price          DECIMAL(10,2) NOT NULL,
    stock          INT           NOT NULL,
    -- indexed for inStock=true, which would otherwise scan out-of-stock rows
    in_stock       BOOLEAN AS (stock > 0) STORED,
    created_at     DATETIME(6)   NOT NULL,
    updated_at     DATETIME(6)   NOT NULL,
    version        INT           NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    INDEX ix_inventory_book (book_id, id),
    INDEX ix_inventory_in_stock (in_stock, id),
    -- a book that still has inventory cannot be deleted
    CONSTRAINT fk_inventory_book FOREIGN KEY (book_id) REFERENCES book (id),
    CONSTRAINT ck_inventory_stock CHECK (stock >= 0),
    CONSTRAINT ck_inventory_price CHECK (price >= 0),
    CONSTRAINT ck_inventory_condition CHECK (item_condition IN ('NEW', 'USED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
