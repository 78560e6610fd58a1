package io.siyu.commerce.internal;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.siyu.commerce.Catalogue.ProductDescription;
import io.siyu.shared.Cursor;
import io.siyu.shared.NotFoundException;
import io.siyu.shared.Slice;
import io.siyu.shared.Timestamps;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading orders and products for the operator API. */
@Component
class CommerceQueries {

    private final NamedParameterJdbcTemplate jdbc;
    private final JsonMapper json;

    CommerceQueries(NamedParameterJdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record OrderSummary(
            String orderId,
            long customerId,

            @Schema(implementation = OrderState.Status.class)
            String status,

            String currency,
            BigDecimal total,
            BigDecimal refundedTotal,
            @Nullable String coupon,
            @Nullable Instant placedAt,
            @Nullable Instant completedAt,
            @Nullable Instant cancelledAt) {}

    record OrderLine(
            int position,
            @Nullable String productId,
            @Nullable String sku,
            @Nullable String name,
            @Nullable String category,
            @Nullable String brand,
            @Nullable String variant,
            @Nullable BigDecimal price,
            int quantity) {}

    record Refund(
            String messageId,
            BigDecimal amount,
            Instant refundedAt,
            @Nullable JsonNode lines) {}

    /** An order as its page shows it: what lists show of it, the rest of its amounts, its lines and its refunds. */
    record OrderDetail(
            @JsonUnwrapped OrderSummary summary,
            @Nullable BigDecimal subtotal,
            @Nullable BigDecimal revenue,
            @Nullable BigDecimal shipping,
            @Nullable BigDecimal tax,
            @Nullable BigDecimal discount,
            @Nullable String affiliation,
            @Nullable String checkoutId,
            List<OrderLine> lines,
            List<Refund> refunds) {}

    Slice<OrderSummary> orders(String status, Long customerId, Instant from, Instant to, String cursor, int limit) {
        var where = new ArrayList<String>();
        var params = new MapSqlParameterSource("limit", Slice.rowsToFetch(limit));
        where.add("true");
        if (status != null) {
            params.addValue("status", status);
            where.add("status = :status");
        }
        if (customerId != null) {
            params.addValue("customer", customerId);
            where.add("customer_id = :customer");
        }
        if (from != null) {
            params.addValue("from", Timestamps.of(from));
            where.add("placed_at >= :from");
        }
        if (to != null) {
            params.addValue("to", Timestamps.of(to));
            where.add("placed_at < :to");
        }
        if (cursor != null) {
            var keys = Cursor.decode("cursor", cursor, 2);
            params.addValue("beforeAt", Timestamps.of(keys.instant(0)));
            params.addValue("beforeId", keys.text(1));
            where.add("(placed_at, order_id) < (:beforeAt, :beforeId)");
        }
        var rows = jdbc.query(
                "select * from commerce.customer_order where " + String.join(" and ", where)
                        + " order by placed_at desc, order_id desc limit :limit",
                params,
                (rs, n) -> summary(rs));
        return Slice.cut(rows, limit, order -> Cursor.encode(order.placedAt(), order.orderId()));
    }

    private static OrderSummary summary(ResultSet rs) throws SQLException {
        return new OrderSummary(
                rs.getString("order_id"),
                rs.getLong("customer_id"),
                rs.getString("status"),
                rs.getString("currency"),
                rs.getBigDecimal("total"),
                rs.getBigDecimal("refunded_total"),
                rs.getString("coupon"),
                Timestamps.read(rs, "placed_at"),
                Timestamps.read(rs, "completed_at"),
                Timestamps.read(rs, "cancelled_at"));
    }

    OrderDetail order(String orderId) {
        var params = new MapSqlParameterSource("id", orderId);
        var lines = jdbc.query(
                "select * from commerce.order_line where order_id = :id order by position",
                params,
                (rs, n) -> new OrderLine(
                        rs.getInt("position"),
                        rs.getString("product_id"),
                        rs.getString("sku"),
                        rs.getString("name"),
                        rs.getString("category"),
                        rs.getString("brand"),
                        rs.getString("variant"),
                        rs.getBigDecimal("price"),
                        rs.getInt("quantity")));
        var refunds = jdbc.query(
                "select * from commerce.refund where order_id = :id order by refunded_at",
                params,
                (rs, n) -> new Refund(
                        rs.getString("message_id"),
                        rs.getBigDecimal("amount"),
                        Timestamps.read(rs, "refunded_at"),
                        rs.getString("lines") == null ? null : json.readTree(rs.getString("lines"))));
        return jdbc
                .query(
                        "select * from commerce.customer_order where order_id = :id",
                        params,
                        (rs, n) -> new OrderDetail(
                                summary(rs),
                                rs.getBigDecimal("subtotal"),
                                rs.getBigDecimal("revenue"),
                                rs.getBigDecimal("shipping"),
                                rs.getBigDecimal("tax"),
                                rs.getBigDecimal("discount"),
                                rs.getString("affiliation"),
                                rs.getString("checkout_id"),
                                lines,
                                refunds))
                .stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("order", orderId));
    }

    /**
     * A product as the operator API shows it: its description (the fields the catalogue feed writes, in their JSON
     * names of the operator API), where it was learnt from and when it last changed.
     */
    record Product(
            @JsonUnwrapped ProductDescription description,
            @Nullable String source,
            @Nullable Instant updatedAt) {}

    record ProductSales(long orders, long unitsSold, BigDecimal revenue) {}

    record ProductDetail(Product product, ProductSales sales) {}

    @Schema(name = "ProductCategory")
    record Category(String name, long products) {}

    Slice<Product> products(String q, String category, String cursor, int limit) {
        var where = new ArrayList<String>();
        var params = new MapSqlParameterSource("limit", Slice.rowsToFetch(limit));
        where.add("true");
        if (q != null) {
            params.addValue(
                    "q", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            where.add("(name ilike :q or product_id ilike :q or sku ilike :q)");
        }
        if (category != null) {
            params.addValue("category", category);
            where.add("category = :category");
        }
        if (cursor != null) {
            params.addValue("after", Cursor.decode("cursor", cursor, 1).text(0));
            where.add("product_id > :after");
        }
        var rows = jdbc.query(
                "select * from commerce.product where " + String.join(" and ", where)
                        + " order by product_id limit :limit",
                params,
                (rs, n) -> product(rs));
        return Slice.cut(
                rows, limit, product -> Cursor.encode(product.description().productId()));
    }

    ProductDetail product(String productId) {
        var params = new MapSqlParameterSource("id", productId);
        var product =
                jdbc
                        .query("select * from commerce.product where product_id = :id", params, (rs, n) -> product(rs))
                        .stream()
                        .findFirst()
                        .orElseThrow(() -> new NotFoundException("product", productId));
        var sales = jdbc.queryForObject(
                """
                select count(distinct l.order_id) as orders, coalesce(sum(l.quantity), 0) as units,
                       coalesce(sum(l.price * l.quantity), 0) as revenue
                  from commerce.order_line l join commerce.customer_order o on o.order_id = l.order_id
                 where l.product_id = :id and o.status = 'COMPLETED'""",
                params,
                (rs, n) -> new ProductSales(rs.getLong("orders"), rs.getLong("units"), rs.getBigDecimal("revenue")));
        return new ProductDetail(product, sales);
    }

    List<Category> categories() {
        return jdbc.query(
                """
                select coalesce(category, '') as name, count(*) as products from commerce.product
                 group by category order by products desc, name""",
                new MapSqlParameterSource(),
                (rs, n) -> new Category(rs.getString("name"), rs.getLong("products")));
    }

    private Product product(ResultSet rs) throws SQLException {
        var stock = rs.getInt("stock");
        var stockNull = rs.wasNull();
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = json.readValue(rs.getString("attributes"), Map.class);
        return new Product(
                new ProductDescription(
                        rs.getString("product_id"),
                        rs.getString("sku"),
                        rs.getString("name"),
                        rs.getString("category"),
                        rs.getString("brand"),
                        rs.getString("variant"),
                        rs.getBigDecimal("price"),
                        rs.getString("currency"),
                        stockNull ? null : stock,
                        rs.getBigDecimal("rating"),
                        rs.getString("image_url"),
                        rs.getString("url"),
                        attributes),
                rs.getString("source"),
                Timestamps.read(rs, "updated_at"));
    }
}
