package io.siyu.ingest.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.SharedData;
import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import io.siyu.TestCredentials;
import io.siyu.ingest.cli.ImportCommand;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@SiyuIntegrationTest
class CsvImportTests {

    @Autowired
    SiyuUnderTest siyu;

    @Autowired
    JdbcTemplate jdbc;

    static final String CDNOW = "cdnow/btyd_cdnowElog.csv";
    static final String CDNOW_MAPPING = "user_id=masterid,placed_at=date,quantity=cds,total=sales";

    /**
     * The report of the first import of the CDNOW purchase log in this test run. The tests share one application and
     * its data, and an import of lines imported before reports them as duplicates: whichever test runs first imports.
     */
    private static JsonNode cdnowReport;

    /** Imports the CDNOW purchase log through the API, unless a test did already, and answers the first report. */
    synchronized JsonNode importCdnow() throws Exception {
        if (cdnowReport == null) {
            var query = "?map=" + CDNOW_MAPPING + "&dateFormat=yyyyMMdd&currency=USD";
            cdnowReport = siyu.admin()
                    .post("/api/v1/imports/orders" + query, Files.readString(SharedData.file(CDNOW)), "text/csv")
                    .json();
        }
        return cdnowReport;
    }

    @Test
    void theCdnowPurchaseLogImportsWithEveryRowAccountedFor() throws Exception {
        var report = importCdnow();

        assertThat(report.get("lines").asLong()).isEqualTo(6919);
        assertThat(report.get("accepted").asLong()).isEqualTo(6919);
        assertThat(report.get("rejected").asLong()).isZero();
    }

    @Test
    void theCdnowPurchaseLogsOrdersCustomersAndSalesAddUp() throws Exception {
        importCdnow();
        siyu.applyQueued();

        var imported = jdbc.queryForMap("""
                select count(*) as orders, count(distinct customer_id) as customers, sum(total) as sales
                  from commerce.customer_order where currency = 'USD' and order_id like 'imp-%'
                   and customer_id in (select customer_id from customers.identity where type = 'user_id'
                                        and lookup_key ~ '^[0-9]+$' and lookup_key not like '0%')""");
        assertThat(imported.get("orders")).isEqualTo(6919L);
        assertThat(imported.get("customers")).isEqualTo(2357L);
        assertThat((BigDecimal) imported.get("sales")).isEqualByComparingTo("244091.94");
    }

    @Test
    void theSameFileImportedAgainThroughTheCommandLineStoresNothingTwice() throws Exception {
        importCdnow();
        siyu.applyQueued();

        var exit = ImportCommand.run(List.of(
                "orders",
                SharedData.file(CDNOW).toString(),
                "--map",
                CDNOW_MAPPING,
                "--date-format",
                "yyyyMMdd",
                "--currency",
                "USD",
                "--url",
                "http://localhost:" + siyu.port(),
                "--token",
                TestCredentials.API_TOKEN));
        assertThat(exit).isZero();
        siyu.applyQueued();
        assertThat(jdbc.queryForObject(
                        "select count(*) from ingest.message_key where message_id like 'imp-%'", Long.class))
                .isGreaterThanOrEqualTo(6919);
    }

    @Test
    void everyRejectedLineIsReportedWithItsNumberAndReason() {
        var tag = UUID.randomUUID().toString().substring(0, 8);
        var csv = """
                user_id,email,phone,name,city
                %1$s-1,ok-%1$s@example.com,13800001111,Ann,Shanghai
                %1$s-2,not-an-email,,Bo,Beijing
                ,,,,Nowhere
                %1$s-4,,12,Cai,Chengdu
                %1$s-5,,,Dan,Wuhan,extra
                """.formatted(tag);

        var report =
                siyu.admin().post("/api/v1/imports/customers", csv, "text/csv").json();

        assertThat(report.get("lines").asLong()).isEqualTo(5);
        assertThat(report.get("accepted").asLong()).isEqualTo(1);
        assertThat(report.get("rejected").asLong()).isEqualTo(4);
        assertThat(report.get("errors").findValuesAsString("line")).containsExactly("3", "4", "5", "6");
        assertThat(report.get("errors").get(0).get("reason").asString()).contains("email");
        assertThat(report.get("errors").get(1).get("reason").asString()).contains("needs one of");
        assertThat(report.get("errors").get(2).get("reason").asString()).contains("phone");
        assertThat(report.get("errors").get(3).get("reason").asString()).contains("more values");
    }

    @Test
    void aFileWithoutHeaderSeparatedByBlanksImportsWithNamedColumns() {
        var tag = UUID.randomUUID().toString().substring(0, 8);
        var text = " %1$s-a 19970101  2   29.33\n %1$s-a 19970118  1   11.77\n %1$s-b 19970102 x 5\n".formatted(tag);

        var report = siyu.admin()
                .post(
                        "/api/v1/imports/orders?delimiter=whitespace&header=false"
                                + "&columns=user_id,placed_at,quantity,total&dateFormat=yyyyMMdd",
                        text,
                        "text/plain")
                .json();

        assertThat(report.get("accepted").asLong()).isEqualTo(2);
        assertThat(report.get("errors").get(0).get("line").asLong()).isEqualTo(3);
        assertThat(report.get("errors").get(0).get("reason").asString()).contains("quantity");
    }
}
