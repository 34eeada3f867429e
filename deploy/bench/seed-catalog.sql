-- Bulk seed of the catalog schema for deploy/bench/bench.sh (replaces whatever is there). bench.sh substitutes
-- __BOOKS__. Rows come from MariaDB's SEQUENCE engine (seq_1_to_N), so a million books take one INSERT ... SELECT.
-- 20 genres; books 1..N with generated titles/authors (words drawn from small lists, so full-text queries match a
-- realistic share) and valid ISBN-13s (978 + the id on 9 digits + check digit); two genres per book; one inventory
-- item per book.
SET SESSION foreign_key_checks = 0, unique_checks = 0;
TRUNCATE TABLE inventory_item;
TRUNCATE TABLE book_genre;
TRUNCATE TABLE book;
TRUNCATE TABLE genre;

INSERT INTO genre (id, name, name_key, description, created_at, updated_at)
SELECT seq, g, LOWER(g), CONCAT('Books of the ', LOWER(g), ' shelf'), NOW(6), NOW(6)
FROM (SELECT seq, ELT(seq, 'Fantasy', 'Science Fiction', 'Mystery', 'Thriller', 'Romance', 'Horror', 'History',
        'Biography', 'Poetry', 'Drama', 'Comics', 'Travel', 'Cooking', 'Science', 'Philosophy', 'Children',
        'Young Adult', 'Crime', 'Classics', 'Essays') AS g FROM seq_1_to_20) genres;

-- The full-text index is dropped during the load and built once afterwards: much faster than row by row.
ALTER TABLE book DROP INDEX ft_book_title_author;

INSERT INTO book (id, title, author, isbn, published_year, description, created_at, updated_at)
SELECT seq,
       CONCAT(ELT(1 + seq % 40, 'Silent', 'Hidden', 'Broken', 'Golden', 'Distant', 'Burning', 'Frozen', 'Secret',
                  'Lost', 'Quiet', 'Crimson', 'Endless', 'Fallen', 'Wild', 'Dark', 'Bright', 'Hollow', 'Iron', 'Last',
                  'Little', 'Midnight', 'Northern', 'Painted', 'Restless', 'Scarlet', 'Shattered', 'Silver', 'Sleeping',
                  'Stolen', 'Strange', 'Sunken', 'Tender', 'Twisted', 'Velvet', 'Wandering', 'Whispering', 'Winter',
                  'Forgotten', 'Ancient', 'Emerald'),
              ' ', ELT(1 + (seq DIV 40) % 50, 'Garden', 'River', 'Kingdom', 'Mirror', 'Harbour', 'Forest', 'Station',
                  'Library', 'Island', 'Orchard', 'Tower', 'Valley', 'Bridge', 'Castle', 'Desert', 'Empire', 'Feather',
                  'Fortress', 'Hunter', 'Journey', 'Lantern', 'Machine', 'Meadow', 'Mountain', 'Ocean', 'Palace',
                  'Prophecy', 'Promise', 'Question', 'Shadow', 'Signal', 'Song', 'Storm', 'Summer', 'Tide', 'Train',
                  'Voyage', 'Widow', 'Witness', 'Winter', 'Voice', 'Village', 'Treasure', 'Thief', 'Stranger',
                  'Spring', 'Sister', 'Season', 'Secret', 'Road'),
              ' of ', ELT(1 + (seq DIV 2000) % 30, 'Ashes', 'Dreams', 'Glass', 'Bones', 'Stars', 'Salt', 'Smoke',
                  'Thorns', 'Rain', 'Dust', 'Fire', 'Light', 'Night', 'Time', 'Water', 'Wolves', 'Roses', 'Kings',
                  'Stone', 'Gold', 'Memory', 'Silence', 'Sorrow', 'Echoes', 'Storms', 'Shadows', 'Mercy', 'Lies',
                  'Ghosts', 'Tomorrow')) AS title,
       CONCAT(ELT(1 + (seq * 7) % 30, 'Ada', 'Bruno', 'Carmen', 'Daniel', 'Elena', 'Felix', 'Greta', 'Hugo', 'Irene',
                  'Jonas', 'Klara', 'Lucas', 'Marta', 'Nico', 'Olga', 'Pablo', 'Quentin', 'Rosa', 'Samuel', 'Teresa',
                  'Ulla', 'Victor', 'Wanda', 'Xavier', 'Yara', 'Zoe', 'Arturo', 'Beatriz', 'Cesar', 'Dolores'),
              ' ', ELT(1 + (seq * 13) % 60, 'Abbott', 'Barros', 'Castillo', 'Delgado', 'Eriksen', 'Ferrante', 'Garcia',
                  'Hartmann', 'Ibarra', 'Jensen', 'Kowalski', 'Lindqvist', 'Moreau', 'Nakamura', 'Okafor', 'Petrov',
                  'Quiroga', 'Romano', 'Santos', 'Tanaka', 'Urquhart', 'Vasquez', 'Weber', 'Xu', 'Yilmaz', 'Zamora',
                  'Almeida', 'Bianchi', 'Costa', 'Dubois', 'Esposito', 'Fischer', 'Gallo', 'Herrera', 'Iglesias',
                  'Jovanovic', 'Keller', 'Lombardi', 'Marino', 'Novak', 'Olsen', 'Pereira', 'Quinn', 'Rossi', 'Schmidt',
                  'Torres', 'Ulloa', 'Varga', 'Wagner', 'Young', 'Zeller', 'Arias', 'Blanco', 'Cruz', 'Duarte',
                  'Estrada', 'Fuentes', 'Guerrero', 'Horvat', 'Ivanova')) AS author,
       CONCAT(body, (10 - (SUBSTRING(body, 1, 1) + 3 * SUBSTRING(body, 2, 1) + SUBSTRING(body, 3, 1)
              + 3 * SUBSTRING(body, 4, 1) + SUBSTRING(body, 5, 1) + 3 * SUBSTRING(body, 6, 1) + SUBSTRING(body, 7, 1)
              + 3 * SUBSTRING(body, 8, 1) + SUBSTRING(body, 9, 1) + 3 * SUBSTRING(body, 10, 1)
              + SUBSTRING(body, 11, 1) + 3 * SUBSTRING(body, 12, 1)) % 10) % 10) AS isbn,
       1900 + seq % 125, NULL, NOW(6), NOW(6)
FROM (SELECT seq, CONCAT('978', LPAD(seq, 9, '0')) AS body FROM seq_1_to___BOOKS__) numbered;

ALTER TABLE book ADD FULLTEXT INDEX ft_book_title_author (title, author);

-- Two different genres per book.
INSERT INTO book_genre (book_id, genre_id)
SELECT seq, 1 + seq % 20 FROM seq_1_to___BOOKS__
UNION ALL
SELECT seq, 1 + (seq + 1 + (seq DIV 20) % 19) % 20 FROM seq_1_to___BOOKS__;

INSERT INTO inventory_item (id, book_id, item_condition, price, stock, created_at, updated_at)
SELECT seq, seq, IF(seq % 3 = 0, 'USED', 'NEW'), 5 + (seq % 2000) / 100, 1 + seq % 50, NOW(6), NOW(6)
FROM seq_1_to___BOOKS__;

SET SESSION foreign_key_checks = 1, unique_checks = 1;
ANALYZE TABLE genre, book, book_genre, inventory_item;
