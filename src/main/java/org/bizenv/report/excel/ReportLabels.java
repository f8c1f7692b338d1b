package org.bizenv.report.excel;

import org.bizenv.framework.Names;

/** Bilingual labels for the engine's codes; unknown codes are shown as they are. */
public final class ReportLabels {
    private ReportLabels() {
    }

    static String grouping(String key) {
        if (key == null) {
            return "";
        }
        Names n = groupingName(key);
        return n == null ? key : n.zh() + " " + n.en();
    }

    static String group(String value) {
        if (value == null) {
            return null;
        }
        Names n = groupName(value);
        return n == null ? value : n.zh() + " " + n.en();
    }

    /** A unit grouping's name in Chinese and English ({@code type}: 类型, Type), or null for a key it does not know. */
    public static Names groupingName(String key) {
        return switch (key == null ? "" : key) {
            case "region" -> new Names("地区", "Region");
            case "type" -> new Names("类型", "Type");
            case "group" -> new Names("组别", "Group");
            case "province" -> new Names("省份", "Province");
            default -> null;
        };
    }

    /**
     * A group value's name in Chinese and English ({@code prefecture-level}: 地级市, Prefecture-level city), as every
     * sheet and card names it, or null for a value it does not know (then shown as it is).
     */
    public static Names groupName(String value) {
        return switch (value == null ? "" : value) {
            case "east" -> new Names("东部", "East");
            case "central" -> new Names("中部", "Central");
            case "west" -> new Names("西部", "West");
            case "northeast" -> new Names("东北", "Northeast");
            case "municipality" -> new Names("直辖市", "Municipality");
            case "separately-planned", "separately planned" -> new Names("计划单列市", "Separately planned city");
            case "provincial-capital", "provincial capital" -> new Names("省会城市", "Provincial capital");
            case "sub-provincial", "sub-provincial city" -> new Names("副省级城市", "Sub-provincial city");
            case "prefecture-level", "prefecture-level city" -> new Names("地级市", "Prefecture-level city");
            case "sub-provincial-and-above" -> new Names("副省级及以上城市", "Sub-provincial cities and above");
            default -> null;
        };
    }

    static String level(int depth) {
        return switch (depth) {
            case 0 -> "综合指数 Index";
            case 1 -> "维度 Dimension";
            default -> "子维度 Sub-dimension";
        };
    }

    static String levelWord(String level) {
        if (level == null) {
            return null;
        }
        return switch (level) {
            case "index" -> "综合指数 Index";
            case "dimension" -> "维度 Dimension";
            case "sub-dimension", "subdimension" -> "子维度 Sub-dimension";
            case "indicator" -> "指标 Indicator";
            case "robustness" -> "稳健性分析 Robustness";
            case "composite" -> "合成单位 Composite unit";
            default -> level;
        };
    }

    static String direction(int direction) {
        return direction > 0 ? "越高越好 Higher is better"
                : direction < 0 ? "越低越好 Lower is better" : Integer.toString(direction);
    }

    static String channel(String channel) {
        if (channel == null) {
            return null;
        }
        return switch (channel) {
            case "government-returns" -> "政府填报 Government returns";
            case "survey" -> "企业问卷 Enterprise survey";
            case "walkthrough" -> "穿行测试 Walk-through test";
            case "statistics" -> "公开统计 Public statistics";
            case "other" -> "其他 Other";
            case "scenarios" -> "情景文件 Scenarios";
            default -> channel;
        };
    }

    /**
     * The parts of the robustness analysis in words a city official uses, as the Methodology sheet names them (the
     * technical name is in the line's term).
     */
    static String robustnessPart(String part) {
        return switch (part == null ? "" : part) {
            case "uncertainty" -> "权重变动下的排名区间 Rank range when weights vary";
            case "sensitivity" -> "哪些权重最影响排名 Which weights move the ranking most";
            case "one-at-a-time" -> "去掉一项后的排名变化 Rank change with one item left out";
            case "rank-reversal" -> "相邻城市互换名次所需的权重调整 Weight change that would swap neighbours";
            case "scenarios" -> "其他权重方案下的排名 Ranking under other weighting schemes";
            default -> part;
        };
    }

    static String reversalStatus(String status) {
        return switch (status == null ? "" : status) {
            case "SWAP" -> "可反转 Can swap";
            case "NO_SWAP" -> "不会反转 Cannot swap";
            case "TIED" -> "并列 Tied";
            default -> status;
        };
    }

    static String yesNo(boolean b) {
        return b ? "是 Yes" : "否 No";
    }

    static String stageSheet(String stage) {
        if (stage == null || stage.isEmpty()) {
            return "Stage";
        }
        return Character.toUpperCase(stage.charAt(0)) + stage.substring(1);
    }

    static boolean isNormalised(String stage) {
        return "normalised".equals(stage) || "normalized".equals(stage);
    }

    static String stageTitle(String stage) {
        return switch (stage == null ? "" : stage) {
            case "raw" -> "原始值 Raw values";
            case "denominated" -> "按分母折算后 Denominated values";
            case "imputed" -> "缺失值插补后 Values after imputation";
            case "transformed" -> "变换后 Values after each indicator's transform";
            case "treated" -> "异常值处理后 Values after outlier treatment";
            case "normalised", "normalized" -> "标准化值 Normalised values";
            default -> stageSheet(stage);
        };
    }

    /** The legend of a stage's marked cells, or null where the stage marks nothing by nature. */
    static String stageLegend(String stage) {
        return switch (stage == null ? "" : stage) {
            case "imputed" -> "插补值 Imputed value";
            case "transformed" -> "经变换的值 Value changed by the indicator's transform";
            case "treated" -> "经处理的值 Value changed by outlier treatment";
            default -> null;
        };
    }

    static String stageFill(String stage) {
        return switch (stage == null ? "" : stage) {
            case "imputed" -> ExcelReportWriter.IMPUTED_RGB;
            case "treated" -> ExcelReportWriter.TREATED_RGB;
            default -> ExcelReportWriter.CHANGED_RGB;
        };
    }
}
