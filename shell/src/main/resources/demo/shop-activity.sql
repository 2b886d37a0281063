-- Some business after the 'start' mark, so that SHOW GROUPS and SHOW MARKS have changes to count.
INSERT INTO shop.orders (customer_id, product_id, quantity)
SELECT 1 + i % 8, 1 + (i * 7) % 30, 1 + i % 3 FROM generate_series(1, 40) AS i;
UPDATE shop.product SET price = price + 0.10 WHERE category = 'coffee';
UPDATE shop.customer SET city = 'Marseille' WHERE id = 1;
DELETE FROM shop.orders WHERE id % 10 = 0;
