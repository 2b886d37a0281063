-- The demo's small shop: three tables linked by foreign keys and one sequence for order numbers.
CREATE SCHEMA shop;

CREATE TABLE shop.customer (
    id        integer PRIMARY KEY,
    name      text NOT NULL,
    city      text,
    since     date NOT NULL DEFAULT current_date
);

CREATE TABLE shop.product (
    id        integer PRIMARY KEY,
    name      text NOT NULL,
    category  text NOT NULL,
    price     numeric(8,2) NOT NULL CHECK (price >= 0)
);

CREATE SEQUENCE shop.order_number_seq START 1000;

CREATE TABLE shop.orders (
    id          integer PRIMARY KEY DEFAULT nextval('shop.order_number_seq'),
    customer_id integer NOT NULL REFERENCES shop.customer (id),
    product_id  integer NOT NULL REFERENCES shop.product (id),
    quantity    integer NOT NULL CHECK (quantity > 0),
    ordered_at  timestamptz NOT NULL DEFAULT now()
);
ALTER SEQUENCE shop.order_number_seq OWNED BY shop.orders.id;

INSERT INTO shop.customer (id, name, city) VALUES
    (1, 'Alice', 'Paris'), (2, 'Bob', 'Lyon'), (3, 'Carol', 'Nice'), (4, 'Dmitri', 'Lille'),
    (5, 'Eve', 'Nantes'), (6, 'Fatou', 'Dakar'), (7, 'Gaspard', 'Brest'), (8, 'Hélène', 'Pau');

INSERT INTO shop.product (id, name, category, price)
SELECT i,
       (ARRAY['Darjeeling', 'Sencha', 'Assam', 'Rooibos', 'Espresso', 'Mocha', 'Cocoa'])[1 + i % 7] || ' #' || i,
       CASE WHEN i % 7 IN (4, 5) THEN 'coffee' WHEN i % 7 = 6 THEN 'cocoa' ELSE 'tea' END,
       round((2 + (i * 37 % 90) / 10.0)::numeric, 2)
FROM generate_series(1, 30) AS i;
