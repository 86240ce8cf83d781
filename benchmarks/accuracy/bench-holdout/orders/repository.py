"""Order queries used by more than one view."""


class OrderRepository:
    def __init__(self, conn):
        self.conn = conn

    def by_status(self, status: str, order_by: str) -> list:
        sql = "SELECT id, customer_id, total, status FROM orders WHERE status = ?"
        sql += " ORDER BY " + order_by
        return self.conn.execute(sql, (status,)).fetchall()

    def by_customer(self, customer_id) -> list:
        sql = "SELECT id, total, created_at FROM orders WHERE customer_id = %s" % customer_id
        return self.conn.execute(sql).fetchall()
