/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-case-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "linli-case-csv.h"

/* The fields of a case as columns of a file: what the import preview calls
 * them, the headers the export writes, and guessing from the headers of a
 * file which field each column holds. */

/* The headers of the export: the office's words, the same in every locale,
 * so that a file reads the same wherever it was written. */
static const char * const headers[LINLI_N_CASE_FIELDS] = {
  "编号", "标题", "描述", "类别", "子类别", "来源", "反映人", "联系电话", "楼栋", "地址",
  "网格", "紧急程度", "承办人", "责任单位", "登记时间", "办理时限", "状态", "办结层级",
  "办理结果", "办结时间", "满意度", "回访时间", "回访情况", "重复于",
};

/* Other names a column of an office's own sheet goes by. Compared after
 * normalize_header(): lower case, without spaces, '_', '-' and '*', and
 * without a note in brackets. */
static const struct
{
  LinliCaseField  field;
  const char     *name;
} header_aliases[] = {
  { LINLI_CASE_FIELD_NUMBER, "事件编号" },
  { LINLI_CASE_FIELD_NUMBER, "案件编号" },
  { LINLI_CASE_FIELD_NUMBER, "工单号" },
  { LINLI_CASE_FIELD_NUMBER, "number" },
  { LINLI_CASE_FIELD_NUMBER, "casenumber" },
  { LINLI_CASE_FIELD_NUMBER, "no." },
  { LINLI_CASE_FIELD_TITLE, "事件标题" },
  { LINLI_CASE_FIELD_TITLE, "事件名称" },
  { LINLI_CASE_FIELD_TITLE, "问题" },
  { LINLI_CASE_FIELD_TITLE, "反映问题" },
  { LINLI_CASE_FIELD_TITLE, "主要问题" },
  { LINLI_CASE_FIELD_TITLE, "事项" },
  { LINLI_CASE_FIELD_TITLE, "诉求" },
  { LINLI_CASE_FIELD_TITLE, "主题" },
  { LINLI_CASE_FIELD_TITLE, "title" },
  { LINLI_CASE_FIELD_TITLE, "subject" },
  { LINLI_CASE_FIELD_DESCRIPTION, "事件描述" },
  { LINLI_CASE_FIELD_DESCRIPTION, "问题描述" },
  { LINLI_CASE_FIELD_DESCRIPTION, "详细描述" },
  { LINLI_CASE_FIELD_DESCRIPTION, "诉求内容" },
  { LINLI_CASE_FIELD_DESCRIPTION, "具体内容" },
  { LINLI_CASE_FIELD_DESCRIPTION, "内容" },
  { LINLI_CASE_FIELD_DESCRIPTION, "详情" },
  { LINLI_CASE_FIELD_DESCRIPTION, "情况说明" },
  { LINLI_CASE_FIELD_DESCRIPTION, "description" },
  { LINLI_CASE_FIELD_DESCRIPTION, "details" },
  { LINLI_CASE_FIELD_CATEGORY, "类型" },
  { LINLI_CASE_FIELD_CATEGORY, "分类" },
  { LINLI_CASE_FIELD_CATEGORY, "大类" },
  { LINLI_CASE_FIELD_CATEGORY, "事件类别" },
  { LINLI_CASE_FIELD_CATEGORY, "事件类型" },
  { LINLI_CASE_FIELD_CATEGORY, "问题类别" },
  { LINLI_CASE_FIELD_CATEGORY, "问题类型" },
  { LINLI_CASE_FIELD_CATEGORY, "category" },
  { LINLI_CASE_FIELD_CATEGORY, "type" },
  { LINLI_CASE_FIELD_SUBCATEGORY, "小类" },
  { LINLI_CASE_FIELD_SUBCATEGORY, "子类" },
  { LINLI_CASE_FIELD_SUBCATEGORY, "细类" },
  { LINLI_CASE_FIELD_SUBCATEGORY, "二级分类" },
  { LINLI_CASE_FIELD_SUBCATEGORY, "subcategory" },
  { LINLI_CASE_FIELD_SOURCE, "事件来源" },
  { LINLI_CASE_FIELD_SOURCE, "问题来源" },
  { LINLI_CASE_FIELD_SOURCE, "渠道" },
  { LINLI_CASE_FIELD_SOURCE, "反映渠道" },
  { LINLI_CASE_FIELD_SOURCE, "source" },
  { LINLI_CASE_FIELD_SOURCE, "channel" },
  { LINLI_CASE_FIELD_REPORTER, "反映人姓名" },
  { LINLI_CASE_FIELD_REPORTER, "诉求人" },
  { LINLI_CASE_FIELD_REPORTER, "来电人" },
  { LINLI_CASE_FIELD_REPORTER, "报告人" },
  { LINLI_CASE_FIELD_REPORTER, "联系人" },
  { LINLI_CASE_FIELD_REPORTER, "居民姓名" },
  { LINLI_CASE_FIELD_REPORTER, "姓名" },
  { LINLI_CASE_FIELD_REPORTER, "reporter" },
  { LINLI_CASE_FIELD_REPORTER, "name" },
  { LINLI_CASE_FIELD_PHONE, "电话" },
  { LINLI_CASE_FIELD_PHONE, "手机" },
  { LINLI_CASE_FIELD_PHONE, "手机号" },
  { LINLI_CASE_FIELD_PHONE, "手机号码" },
  { LINLI_CASE_FIELD_PHONE, "电话号码" },
  { LINLI_CASE_FIELD_PHONE, "联系方式" },
  { LINLI_CASE_FIELD_PHONE, "phone" },
  { LINLI_CASE_FIELD_PHONE, "telephone" },
  { LINLI_CASE_FIELD_PHONE, "mobile" },
  { LINLI_CASE_FIELD_BUILDING, "楼号" },
  { LINLI_CASE_FIELD_BUILDING, "楼栋号" },
  { LINLI_CASE_FIELD_BUILDING, "楼宇" },
  { LINLI_CASE_FIELD_BUILDING, "building" },
  { LINLI_CASE_FIELD_ADDRESS, "详细地址" },
  { LINLI_CASE_FIELD_ADDRESS, "住址" },
  { LINLI_CASE_FIELD_ADDRESS, "位置" },
  { LINLI_CASE_FIELD_ADDRESS, "地点" },
  { LINLI_CASE_FIELD_ADDRESS, "发生地点" },
  { LINLI_CASE_FIELD_ADDRESS, "门牌" },
  { LINLI_CASE_FIELD_ADDRESS, "address" },
  { LINLI_CASE_FIELD_ADDRESS, "location" },
  { LINLI_CASE_FIELD_GRID, "所属网格" },
  { LINLI_CASE_FIELD_GRID, "网格名称" },
  { LINLI_CASE_FIELD_GRID, "grid" },
  { LINLI_CASE_FIELD_URGENCY, "紧急度" },
  { LINLI_CASE_FIELD_URGENCY, "缓急" },
  { LINLI_CASE_FIELD_URGENCY, "优先级" },
  { LINLI_CASE_FIELD_URGENCY, "urgency" },
  { LINLI_CASE_FIELD_URGENCY, "priority" },
  { LINLI_CASE_FIELD_WORKER, "处理人" },
  { LINLI_CASE_FIELD_WORKER, "负责人" },
  { LINLI_CASE_FIELD_WORKER, "经办人" },
  { LINLI_CASE_FIELD_WORKER, "办理人" },
  /* The export's header until the app said 承办人 everywhere: files
   * written then still import. */
  { LINLI_CASE_FIELD_WORKER, "网格员" },
  { LINLI_CASE_FIELD_WORKER, "worker" },
  { LINLI_CASE_FIELD_WORKER, "gridworker" },
  { LINLI_CASE_FIELD_WORKER, "assignee" },
  { LINLI_CASE_FIELD_UNIT, "承办单位" },
  { LINLI_CASE_FIELD_UNIT, "办理单位" },
  { LINLI_CASE_FIELD_UNIT, "处置单位" },
  { LINLI_CASE_FIELD_UNIT, "unit" },
  { LINLI_CASE_FIELD_UNIT, "responsibleunit" },
  { LINLI_CASE_FIELD_REPORTED_AT, "时间" },
  { LINLI_CASE_FIELD_REPORTED_AT, "日期" },
  { LINLI_CASE_FIELD_REPORTED_AT, "登记日期" },
  { LINLI_CASE_FIELD_REPORTED_AT, "反映时间" },
  { LINLI_CASE_FIELD_REPORTED_AT, "上报时间" },
  { LINLI_CASE_FIELD_REPORTED_AT, "受理时间" },
  { LINLI_CASE_FIELD_REPORTED_AT, "发生时间" },
  { LINLI_CASE_FIELD_REPORTED_AT, "reported" },
  { LINLI_CASE_FIELD_REPORTED_AT, "reportedat" },
  { LINLI_CASE_FIELD_REPORTED_AT, "date" },
  { LINLI_CASE_FIELD_REPORTED_AT, "time" },
  { LINLI_CASE_FIELD_DUE_AT, "时限" },
  { LINLI_CASE_FIELD_DUE_AT, "办结时限" },
  { LINLI_CASE_FIELD_DUE_AT, "截止时间" },
  { LINLI_CASE_FIELD_DUE_AT, "期限" },
  { LINLI_CASE_FIELD_DUE_AT, "due" },
  { LINLI_CASE_FIELD_DUE_AT, "dueat" },
  { LINLI_CASE_FIELD_DUE_AT, "deadline" },
  { LINLI_CASE_FIELD_STATUS, "办理状态" },
  { LINLI_CASE_FIELD_STATUS, "处理状态" },
  { LINLI_CASE_FIELD_STATUS, "事件状态" },
  { LINLI_CASE_FIELD_STATUS, "status" },
  { LINLI_CASE_FIELD_STATUS, "state" },
  { LINLI_CASE_FIELD_RESOLUTION_LEVEL, "化解层级" },
  { LINLI_CASE_FIELD_RESOLUTION_LEVEL, "解决层级" },
  { LINLI_CASE_FIELD_RESOLUTION_LEVEL, "层级" },
  { LINLI_CASE_FIELD_RESOLUTION_LEVEL, "resolutionlevel" },
  { LINLI_CASE_FIELD_RESOLUTION_LEVEL, "level" },
  { LINLI_CASE_FIELD_RESOLUTION, "处理结果" },
  { LINLI_CASE_FIELD_RESOLUTION, "处置结果" },
  { LINLI_CASE_FIELD_RESOLUTION, "办理情况" },
  { LINLI_CASE_FIELD_RESOLUTION, "处理情况" },
  { LINLI_CASE_FIELD_RESOLUTION, "结果" },
  { LINLI_CASE_FIELD_RESOLUTION, "resolution" },
  { LINLI_CASE_FIELD_RESOLUTION, "result" },
  { LINLI_CASE_FIELD_RESOLVED_AT, "完成时间" },
  { LINLI_CASE_FIELD_RESOLVED_AT, "解决时间" },
  { LINLI_CASE_FIELD_RESOLVED_AT, "resolved" },
  { LINLI_CASE_FIELD_RESOLVED_AT, "resolvedat" },
  { LINLI_CASE_FIELD_SATISFACTION, "群众满意度" },
  { LINLI_CASE_FIELD_SATISFACTION, "评价" },
  { LINLI_CASE_FIELD_SATISFACTION, "satisfaction" },
  { LINLI_CASE_FIELD_REVISITED_AT, "回访日期" },
  { LINLI_CASE_FIELD_REVISITED_AT, "revisited" },
  { LINLI_CASE_FIELD_REVISITED_AT, "revisitedat" },
  { LINLI_CASE_FIELD_REVISIT_NOTES, "回访记录" },
  { LINLI_CASE_FIELD_REVISIT_NOTES, "回访内容" },
  { LINLI_CASE_FIELD_REVISIT_NOTES, "回访意见" },
  { LINLI_CASE_FIELD_REVISIT_NOTES, "revisitnotes" },
  { LINLI_CASE_FIELD_REVISIT_NOTES, "revisit" },
  { LINLI_CASE_FIELD_DUPLICATE_OF, "原事件编号" },
  { LINLI_CASE_FIELD_DUPLICATE_OF, "重复事件编号" },
  { LINLI_CASE_FIELD_DUPLICATE_OF, "duplicateof" },
};

/* Headers no alias matches whole, by a word they contain: the more
 * particular first (网格员 before 网格). */
static const struct
{
  LinliCaseField  field;
  const char     *part;
} header_parts[] = {
  { LINLI_CASE_FIELD_PHONE, "电话" },
  { LINLI_CASE_FIELD_PHONE, "手机" },
  { LINLI_CASE_FIELD_WORKER, "网格员" },
  { LINLI_CASE_FIELD_REVISITED_AT, "回访时间" },
  { LINLI_CASE_FIELD_RESOLVED_AT, "办结时间" },
  { LINLI_CASE_FIELD_REPORTED_AT, "登记时间" },
  { LINLI_CASE_FIELD_DUE_AT, "时限" },
  { LINLI_CASE_FIELD_SATISFACTION, "满意" },
  { LINLI_CASE_FIELD_ADDRESS, "地址" },
  { LINLI_CASE_FIELD_BUILDING, "楼栋" },
};

/* ------------------------------------------------------------------------ */
/* Fields */

/**
 * linli_case_field_label:
 *
 * Returns: what @field is called in the import preview
 */
const char *
linli_case_field_label (LinliCaseField field)
{
  switch (field)
    {
    case LINLI_CASE_FIELD_NUMBER:           return C_("case field", "Number");
    case LINLI_CASE_FIELD_TITLE:            return C_("case field", "Title");
    case LINLI_CASE_FIELD_DESCRIPTION:      return C_("case field", "Description");
    case LINLI_CASE_FIELD_CATEGORY:         return C_("case field", "Category");
    case LINLI_CASE_FIELD_SUBCATEGORY:      return C_("case field", "Subcategory");
    case LINLI_CASE_FIELD_SOURCE:           return C_("case field", "Source");
    case LINLI_CASE_FIELD_REPORTER:         return C_("case field", "Reporter");
    case LINLI_CASE_FIELD_PHONE:            return C_("case field", "Reporter’s phone");
    case LINLI_CASE_FIELD_BUILDING:         return C_("case field", "Building");
    case LINLI_CASE_FIELD_ADDRESS:          return C_("case field", "Address");
    case LINLI_CASE_FIELD_GRID:             return C_("case field", "Grid");
    case LINLI_CASE_FIELD_URGENCY:          return C_("case field", "Urgency");
    case LINLI_CASE_FIELD_WORKER:           return C_("case field", "Grid worker");
    case LINLI_CASE_FIELD_UNIT:             return C_("case field", "Responsible unit");
    case LINLI_CASE_FIELD_REPORTED_AT:      return C_("case field", "Reported");
    case LINLI_CASE_FIELD_DUE_AT:           return C_("case field", "Due");
    case LINLI_CASE_FIELD_STATUS:           return C_("case field", "Status");
    case LINLI_CASE_FIELD_RESOLUTION_LEVEL: return C_("case field", "Resolution level");
    case LINLI_CASE_FIELD_RESOLUTION:       return C_("case field", "Resolution");
    case LINLI_CASE_FIELD_RESOLVED_AT:      return C_("case field", "Resolved");
    case LINLI_CASE_FIELD_SATISFACTION:     return C_("case field", "Satisfaction");
    case LINLI_CASE_FIELD_REVISITED_AT:     return C_("case field", "Revisited");
    case LINLI_CASE_FIELD_REVISIT_NOTES:    return C_("case field", "Revisit notes");
    case LINLI_CASE_FIELD_DUPLICATE_OF:     return C_("case field", "Duplicate of");
    case LINLI_CASE_FIELD_IGNORE:           return C_("case field", "Not imported");
    default: g_return_val_if_reached (NULL);
    }
}

/**
 * linli_case_field_header:
 *
 * Returns: the header of the column the export writes @field to, "标题" …
 */
const char *
linli_case_field_header (LinliCaseField field)
{
  g_return_val_if_fail (field < LINLI_N_CASE_FIELDS, NULL);
  return headers[field];
}

/* ------------------------------------------------------------------------ */
/* Guessing what the columns are */

/* "登记时间（必填）" → "登记时间", "Reported_At" → "reportedat". */
static char *
normalize_header (const char *header)
{
  GString *key = g_string_new (NULL);

  for (const char *p = header; *p != '\0'; p++)
    {
      if (*p == '(' || g_str_has_prefix (p, "（"))
        break;
      if (g_ascii_isspace (*p) || *p == '_' || *p == '-' || *p == '*')
        continue;
      /* The ideographic space and a BOM that a tool left on a header. */
      if (g_str_has_prefix (p, "\xE3\x80\x80") || g_str_has_prefix (p, "\xEF\xBB\xBF"))
        {
          p += 2;
          continue;
        }
      g_string_append_c (key, g_ascii_tolower (*p));
    }
  return g_string_free (key, FALSE);
}

static LinliCaseField
field_for_header (const char *header,
                  gboolean    by_part)
{
  g_autofree char *key = normalize_header (header);

  if (*key == '\0')
    return LINLI_CASE_FIELD_IGNORE;
  if (!by_part)
    {
      for (guint f = 0; f < LINLI_N_CASE_FIELDS; f++)
        if (g_str_equal (key, headers[f]))
          return f;
      for (guint i = 0; i < G_N_ELEMENTS (header_aliases); i++)
        if (g_str_equal (key, header_aliases[i].name))
          return header_aliases[i].field;
      /* The labels of the preview, as a file of this program's may have them. */
      for (guint f = 0; f < LINLI_N_CASE_FIELDS; f++)
        {
          g_autofree char *label = normalize_header (linli_case_field_label (f));
          if (g_str_equal (key, label))
            return f;
        }
      return LINLI_CASE_FIELD_IGNORE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (header_parts); i++)
    if (strstr (key, header_parts[i].part) != NULL)
      return header_parts[i].field;
  return LINLI_CASE_FIELD_IGNORE;
}

/**
 * linli_case_csv_guess_mapping:
 *
 * Guesses what each column of @table holds from its header: the headers of
 * the export, the usual words of office sheets (事件标题, 问题, 电话, 手机,
 * 时间 …) and English names. Each field goes to one column at most, the
 * first that names it; the others are %LINLI_CASE_FIELD_IGNORE.
 *
 * Returns: (transfer full) (array): one #LinliCaseField per column; free
 *   with g_free()
 */
LinliCaseField *
linli_case_csv_guess_mapping (LinliCsvTable *table)
{
  LinliCaseField *mapping;
  gboolean used[LINLI_N_CASE_FIELDS] = { FALSE, };
  guint n;

  g_return_val_if_fail (table != NULL, NULL);

  n = linli_csv_table_get_n_columns (table);
  mapping = g_new (LinliCaseField, MAX (n, 1));
  for (guint c = 0; c < n; c++)
    mapping[c] = LINLI_CASE_FIELD_IGNORE;

  /* Whole names first, so that a column called 电话 is not taken by a
   * "联系电话（家）" that comes before it. */
  for (int pass = 0; pass < 2; pass++)
    for (guint c = 0; c < n; c++)
      {
        LinliCaseField field;

        if (mapping[c] != LINLI_CASE_FIELD_IGNORE)
          continue;
        field = field_for_header (linli_csv_table_get_header (table, c), pass == 1);
        if (field != LINLI_CASE_FIELD_IGNORE && !used[field])
          {
            mapping[c] = field;
            used[field] = TRUE;
          }
      }
  return mapping;
}
