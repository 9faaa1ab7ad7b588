package org.eimas.micro.storage;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Table and column names of the relational store (db/migration/V1__relational_schema.sql). */
final class RelationalSchema {
    private RelationalSchema() {
    }

    static Table<Record> table(String name) {
        return DSL.table(DSL.name(name));
    }

    static Field<Long> longField(String name) {
        return DSL.field(DSL.name(name), SQLDataType.BIGINT);
    }

    static Field<Integer> intField(String name) {
        return DSL.field(DSL.name(name), SQLDataType.INTEGER);
    }

    static Field<String> text(String name) {
        return DSL.field(DSL.name(name), SQLDataType.VARCHAR);
    }

    static Field<Double> real(String name) {
        return DSL.field(DSL.name(name), SQLDataType.DOUBLE);
    }

    static final Field<Long> ID = longField("id");
    static final Field<Long> CREATED_NS = longField("created_ns");
    static final Field<String> SYMBOL = text("symbol");
    static final Field<String> PARAMETERS_JSON = text("parameters_json");
    static final Field<String> METRICS_JSON = text("metrics_json");

    static final Table<Record> MODELS = table("models");
    static final Field<String> KIND = text("kind");
    static final Field<String> HORIZON = text("horizon");
    static final Field<Long> TRAIN_FROM_NS = longField("train_from_ns");
    static final Field<Long> TRAIN_TO_NS = longField("train_to_ns");
    static final Field<String> SCALER_MEAN_JSON = text("scaler_mean_json");
    static final Field<String> SCALER_SCALE_JSON = text("scaler_scale_json");

    static final Table<Record> ALERTS = table("alerts");
    static final Field<Long> TS_NS = longField("ts_ns");
    static final Field<String> ALERT_SOURCE = text("alert_source");
    static final Field<String> ALERT_LEVEL = text("alert_level");
    static final Field<String> MESSAGE = text("message");
    static final Field<String> INPUTS_JSON = text("inputs_json");

    static final Table<Record> NETWORKS = table("networks");
    static final Field<String> TARGET_NAME = text("target_name");
    static final Field<Double> SIGNIFICANCE = real("significance");

    static final Table<Record> NETWORK_EDGES = table("network_edges");
    static final Field<Long> NETWORK_ID = longField("network_id");
    static final Field<Integer> EDGE_NO = intField("edge_no");
    static final Field<String> SOURCE_NODE = text("source_node");
    static final Field<String> TARGET_NODE = text("target_node");
    static final Field<String> EDGE_TYPE = text("edge_type");
    static final Field<Double> WEIGHT = real("weight");
    static final Field<Double> P_VALUE = real("p_value");
    static final Field<Integer> LAG_ORDER = intField("lag_order");

    static final Table<Record> BACKTEST_RUNS = table("backtest_runs");
    static final Field<String> STRATEGY = text("strategy");
    static final Field<Long> FROM_NS = longField("from_ns");
    static final Field<Long> TO_NS = longField("to_ns");

    static final Table<Record> BACKTEST_TRADES = table("backtest_trades");
    static final Field<Long> RUN_ID = longField("run_id");
    static final Field<Integer> TRADE_NO = intField("trade_no");
    static final Field<String> SIDE = text("side");
    static final Field<Double> PRICE = real("price");
    static final Field<Double> QUANTITY = real("quantity");
    static final Field<Double> FEE = real("fee");
    static final Field<Double> PNL = real("pnl");
}
