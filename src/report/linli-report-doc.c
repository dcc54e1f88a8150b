/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "linli-report-doc-private.h"

struct _LinliReportDoc
{
  GObject    parent_instance;
  char      *title;
  char      *subtitle;
  char      *author;
  char      *subject;
  GPtrArray *blocks;   /* LinliReportBlock */
};

G_DEFINE_FINAL_TYPE (LinliReportDoc, linli_report_doc, G_TYPE_OBJECT)

static void
free_strv_n (char   **cells,
             guint    n)
{
  for (guint i = 0; i < n; i++)
    g_free (cells[i]);
  g_free (cells);
}

void
linli_report_table_free (LinliReportTable *table)
{
  for (guint i = 0; i < table->n_columns; i++)
    g_free (table->columns[i].title);
  g_free (table->columns);
  for (guint i = 0; i < table->rows->len; i++)
    free_strv_n (g_ptr_array_index (table->rows, i), table->n_columns);
  g_ptr_array_unref (table->rows);
  g_array_unref (table->totals);
  g_free (table->caption);
  g_free (table);
}

static void
figures_free (LinliReportFigures *figures)
{
  g_ptr_array_unref (figures->labels);
  g_ptr_array_unref (figures->values);
  g_free (figures);
}

static void
chart_free (LinliReportChart *chart)
{
  g_free (chart->title);
  g_free (chart->unit);
  g_ptr_array_unref (chart->labels);
  g_array_unref (chart->values);
  g_free (chart);
}

static void
map_free (LinliReportMap *map)
{
  for (guint i = 0; i < map->areas->len; i++)
    {
      LinliReportMapArea *area = &g_array_index (map->areas, LinliReportMapArea, i);
      g_free (area->lon_lat);
      g_free (area->label);
    }
  for (guint i = 0; i < map->points->len; i++)
    g_free (g_array_index (map->points, LinliReportMapPoint, i).label);
  for (guint i = 0; i < map->legend->len; i++)
    g_free (g_array_index (map->legend, LinliReportMapLegend, i).label);
  g_array_unref (map->areas);
  g_array_unref (map->points);
  g_array_unref (map->legend);
  g_free (map->caption);
  g_free (map->base_map.path);
  g_free (map->base_map.note);
  g_free (map);
}

static void
block_free (gpointer data)
{
  LinliReportBlock *block = data;

  g_free (block->text);
  g_strfreev (block->labels);
  g_clear_pointer (&block->figures, figures_free);
  g_clear_pointer (&block->table, linli_report_table_free);
  g_clear_pointer (&block->chart, chart_free);
  g_clear_pointer (&block->map, map_free);
  g_free (block);
}

static void
linli_report_doc_finalize (GObject *object)
{
  LinliReportDoc *self = LINLI_REPORT_DOC (object);

  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->author);
  g_free (self->subject);
  g_ptr_array_unref (self->blocks);

  G_OBJECT_CLASS (linli_report_doc_parent_class)->finalize (object);
}

static void
linli_report_doc_class_init (LinliReportDocClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = linli_report_doc_finalize;
}

static void
linli_report_doc_init (LinliReportDoc *self)
{
  self->blocks = g_ptr_array_new_with_free_func (block_free);
}

LinliReportDoc *
linli_report_doc_new (const char *title)
{
  LinliReportDoc *self = g_object_new (LINLI_TYPE_REPORT_DOC, NULL);

  self->title = g_strdup (title ? title : "");
  return self;
}

const char *
linli_report_doc_get_title (LinliReportDoc *self)
{
  g_return_val_if_fail (LINLI_IS_REPORT_DOC (self), NULL);
  return self->title;
}

void
linli_report_doc_set_subtitle (LinliReportDoc *self,
                               const char     *subtitle)
{
  g_return_if_fail (LINLI_IS_REPORT_DOC (self));
  g_free (self->subtitle);
  self->subtitle = g_strdup (subtitle);
}

const char *
linli_report_doc_get_subtitle (LinliReportDoc *self)
{
  g_return_val_if_fail (LINLI_IS_REPORT_DOC (self), NULL);
  return self->subtitle;
}

void
linli_report_doc_set_author (LinliReportDoc *self,
                             const char     *author)
{
  g_return_if_fail (LINLI_IS_REPORT_DOC (self));
  g_free (self->author);
  self->author = g_strdup (author);
}

const char *
linli_report_doc_get_author (LinliReportDoc *self)
{
  g_return_val_if_fail (LINLI_IS_REPORT_DOC (self), NULL);
  return self->author;
}

void
linli_report_doc_set_subject (LinliReportDoc *self,
                              const char     *subject)
{
  g_return_if_fail (LINLI_IS_REPORT_DOC (self));
  g_free (self->subject);
  self->subject = g_strdup (subject);
}

const char *
linli_report_doc_get_subject (LinliReportDoc *self)
{
  g_return_val_if_fail (LINLI_IS_REPORT_DOC (self), NULL);
  return self->subject;
}

static LinliReportBlock *
add_block (LinliReportDoc       *self,
           LinliReportBlockKind  kind)
{
  LinliReportBlock *block = g_new0 (LinliReportBlock, 1);

  block->kind = kind;
  g_ptr_array_add (self->blocks, block);
  return block;
}

void
linli_report_doc_add_heading (LinliReportDoc *self,
                              int             level,
                              const char     *text)
{
  LinliReportBlock *block;

  g_return_if_fail (LINLI_IS_REPORT_DOC (self));
  g_return_if_fail (level == 1 || level == 2);

  block = add_block (self, LINLI_REPORT_BLOCK_HEADING);
  block->level = level;
  block->text = g_strdup (text ? text : "");
}

void
linli_report_doc_add_paragraph (LinliReportDoc *self,
                                const char     *text)
{
  g_return_if_fail (LINLI_IS_REPORT_DOC (self));
  add_block (self, LINLI_REPORT_BLOCK_PARAGRAPH)->text = g_strdup (text ? text : "");
}

LinliReportFigures *
linli_report_doc_add_figures (LinliReportDoc *self)
{
  LinliReportBlock *block;

  g_return_val_if_fail (LINLI_IS_REPORT_DOC (self), NULL);

  block = add_block (self, LINLI_REPORT_BLOCK_FIGURES);
  block->figures = g_new0 (LinliReportFigures, 1);
  block->figures->labels = g_ptr_array_new_with_free_func (g_free);
  block->figures->values = g_ptr_array_new_with_free_func (g_free);
  return block->figures;
}

void
linli_report_figures_add (LinliReportFigures *figures,
                          const char         *label,
                          const char         *value)
{
  g_return_if_fail (figures != NULL);
  g_ptr_array_add (figures->labels, g_strdup (label ? label : ""));
  g_ptr_array_add (figures->values, g_strdup (value ? value : ""));
}

LinliReportTable *
linli_report_doc_add_table (LinliReportDoc          *self,
                            const LinliReportColumn *columns,
                            guint                    n_columns)
{
  LinliReportBlock *block;
  LinliReportTable *table;

  g_return_val_if_fail (LINLI_IS_REPORT_DOC (self), NULL);
  g_return_val_if_fail (columns != NULL && n_columns > 0, NULL);

  table = linli_report_table_new (columns, n_columns);
  block = add_block (self, LINLI_REPORT_BLOCK_TABLE);
  block->table = table;
  return table;
}

LinliReportTable *
linli_report_table_new (const LinliReportColumn *columns,
                        guint                    n_columns)
{
  LinliReportTable *table;

  g_return_val_if_fail (columns != NULL && n_columns > 0, NULL);

  table = g_new0 (LinliReportTable, 1);
  table->n_columns = n_columns;
  table->columns = g_new0 (LinliReportDocColumn, n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      table->columns[i].title = g_strdup (columns[i].title ? columns[i].title : "");
      table->columns[i].width = columns[i].width > 0 ? columns[i].width : 1;
      table->columns[i].align = columns[i].align;
    }
  table->rows = g_ptr_array_new ();
  table->totals = g_array_new (FALSE, FALSE, sizeof (gboolean));
  return table;
}

guint
linli_report_table_take_row (LinliReportTable  *table,
                             char             **cells)
{
  gboolean total = FALSE;

  g_return_val_if_fail (table != NULL && cells != NULL, 0);

  g_ptr_array_add (table->rows, cells);
  g_array_append_val (table->totals, total);
  return table->rows->len - 1;
}

static char **
copy_cells (LinliReportTable   *table,
            const char * const *cells)
{
  char **copy = g_new0 (char *, table->n_columns);

  for (guint i = 0; i < table->n_columns; i++)
    copy[i] = g_strdup (cells[i] ? cells[i] : "");
  return copy;
}

guint
linli_report_table_add_row (LinliReportTable   *table,
                            const char * const *cells)
{
  g_return_val_if_fail (table != NULL && cells != NULL, 0);
  return linli_report_table_take_row (table, copy_cells (table, cells));
}

guint
linli_report_table_add_total_row (LinliReportTable   *table,
                                  const char * const *cells)
{
  guint row;

  g_return_val_if_fail (table != NULL && cells != NULL, 0);

  row = linli_report_table_take_row (table, copy_cells (table, cells));
  g_array_index (table->totals, gboolean, row) = TRUE;
  return row;
}

void
linli_report_table_set_caption (LinliReportTable *table,
                                const char       *caption)
{
  g_return_if_fail (table != NULL);
  g_free (table->caption);
  table->caption = g_strdup (caption);
}

LinliReportChart *
linli_report_doc_add_bar_chart (LinliReportDoc *self,
                                const char     *unit)
{
  LinliReportBlock *block;

  g_return_val_if_fail (LINLI_IS_REPORT_DOC (self), NULL);

  block = add_block (self, LINLI_REPORT_BLOCK_BAR_CHART);
  block->chart = g_new0 (LinliReportChart, 1);
  block->chart->unit = g_strdup (unit ? unit : "");
  block->chart->labels = g_ptr_array_new_with_free_func (g_free);
  block->chart->values = g_array_new (FALSE, FALSE, sizeof (double));
  return block->chart;
}

void
linli_report_chart_set_title (LinliReportChart *chart,
                              const char       *title)
{
  g_return_if_fail (chart != NULL);
  g_free (chart->title);
  chart->title = g_strdup (title);
}

void
linli_report_chart_add_bar (LinliReportChart *chart,
                            const char       *label,
                            double            value)
{
  g_return_if_fail (chart != NULL);
  g_ptr_array_add (chart->labels, g_strdup (label ? label : ""));
  g_array_append_val (chart->values, value);
}

LinliReportMap *
linli_report_doc_add_map (LinliReportDoc *self)
{
  LinliReportBlock *block;

  g_return_val_if_fail (LINLI_IS_REPORT_DOC (self), NULL);

  block = add_block (self, LINLI_REPORT_BLOCK_MAP);
  block->map = g_new0 (LinliReportMap, 1);
  block->map->areas = g_array_new (FALSE, TRUE, sizeof (LinliReportMapArea));
  block->map->points = g_array_new (FALSE, TRUE, sizeof (LinliReportMapPoint));
  block->map->legend = g_array_new (FALSE, TRUE, sizeof (LinliReportMapLegend));
  return block->map;
}

void
linli_report_map_add_area (LinliReportMap      *map,
                           LinliReportAreaKind  kind,
                           const double        *lon_lat,
                           guint                n_points,
                           guint32              fill,
                           const char          *label)
{
  LinliReportMapArea area = { 0 };

  g_return_if_fail (map != NULL);
  g_return_if_fail (lon_lat != NULL || n_points == 0);

  area.kind = kind;
  area.lon_lat = g_memdup2 (lon_lat, sizeof (double) * 2 * n_points);
  area.n_points = n_points;
  area.fill = fill;
  area.label = g_strdup (label);
  g_array_append_val (map->areas, area);
}

void
linli_report_map_add_point (LinliReportMap *map,
                            double          lon,
                            double          lat,
                            guint32         colour,
                            const char     *label)
{
  LinliReportMapPoint point = { lon, lat, colour, g_strdup (label) };

  g_return_if_fail (map != NULL);
  g_array_append_val (map->points, point);
}

void
linli_report_map_add_legend (LinliReportMap      *map,
                             LinliReportAreaKind  kind,
                             guint32              fill,
                             const char          *label)
{
  LinliReportMapLegend legend = { kind, fill, g_strdup (label ? label : "") };

  g_return_if_fail (map != NULL);
  g_array_append_val (map->legend, legend);
}

void
linli_report_map_set_caption (LinliReportMap *map,
                              const char     *caption)
{
  g_return_if_fail (map != NULL);
  g_free (map->caption);
  map->caption = g_strdup (caption);
}

void
linli_report_map_set_mbtiles (LinliReportMap *map,
                              const char     *path)
{
  g_return_if_fail (map != NULL);
  g_return_if_fail (path != NULL);
  map->base_map.kind = LINLI_REPORT_BASE_MAP_MBTILES;
  g_free (map->base_map.path);
  map->base_map.path = g_strdup (path);
}

void
linli_report_map_set_site_plan (LinliReportMap           *map,
                                const char               *path,
                                const LinliPlanTransform *transform,
                                double                    opacity)
{
  g_return_if_fail (map != NULL);
  g_return_if_fail (path != NULL);
  g_return_if_fail (transform != NULL);
  map->base_map.kind = LINLI_REPORT_BASE_MAP_SITE_PLAN;
  g_free (map->base_map.path);
  map->base_map.path = g_strdup (path);
  map->base_map.transform = *transform;
  map->base_map.opacity = CLAMP (opacity, 0, 1);
}

void
linli_report_map_set_base_map_note (LinliReportMap *map,
                                    const char     *note)
{
  g_return_if_fail (map != NULL);
  g_free (map->base_map.note);
  map->base_map.note = g_strdup (note);
}

void
linli_report_doc_add_signatures (LinliReportDoc     *self,
                                 const char * const *labels)
{
  g_return_if_fail (LINLI_IS_REPORT_DOC (self));
  g_return_if_fail (labels != NULL);

  add_block (self, LINLI_REPORT_BLOCK_SIGNATURES)->labels = g_strdupv ((char **) labels);
}

void
linli_report_doc_add_page_break (LinliReportDoc *self)
{
  g_return_if_fail (LINLI_IS_REPORT_DOC (self));
  add_block (self, LINLI_REPORT_BLOCK_PAGE_BREAK);
}

guint
linli_report_doc_get_n_blocks (LinliReportDoc *self)
{
  g_return_val_if_fail (LINLI_IS_REPORT_DOC (self), 0);
  return self->blocks->len;
}

const LinliReportBlock *
linli_report_doc_get_block (LinliReportDoc *self,
                            guint           index)
{
  g_return_val_if_fail (LINLI_IS_REPORT_DOC (self), NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);
  return g_ptr_array_index (self->blocks, index);
}

LinliReportBlockKind
linli_report_doc_get_block_kind (LinliReportDoc *self,
                                 guint           index)
{
  const LinliReportBlock *block = linli_report_doc_get_block (self, index);

  g_return_val_if_fail (block != NULL, LINLI_REPORT_BLOCK_PARAGRAPH);
  return block->kind;
}

LinliReportTable *
linli_report_doc_get_table (LinliReportDoc *self,
                            guint           nth)
{
  g_return_val_if_fail (LINLI_IS_REPORT_DOC (self), NULL);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      LinliReportBlock *block = g_ptr_array_index (self->blocks, i);

      if (block->kind == LINLI_REPORT_BLOCK_TABLE && nth-- == 0)
        return block->table;
    }
  return NULL;
}

guint
linli_report_table_get_n_columns (LinliReportTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->n_columns;
}

guint
linli_report_table_get_n_rows (LinliReportTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->rows->len;
}

const char *
linli_report_table_get_cell (LinliReportTable *table,
                             guint             row,
                             guint             column)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (row < table->rows->len && column < table->n_columns, NULL);
  return ((char **) g_ptr_array_index (table->rows, row))[column];
}

gboolean
linli_report_table_row_is_total (LinliReportTable *table,
                                 guint             row)
{
  g_return_val_if_fail (table != NULL && row < table->rows->len, FALSE);
  return g_array_index (table->totals, gboolean, row);
}

static void
append_cells (GString            *out,
              const char * const *cells,
              guint               n)
{
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, '\t');
      g_string_append (out, cells[i]);
    }
  g_string_append_c (out, '\n');
}

char *
linli_report_doc_to_text (LinliReportDoc *self)
{
  GString *out;

  g_return_val_if_fail (LINLI_IS_REPORT_DOC (self), NULL);

  out = g_string_new (self->title);
  g_string_append_c (out, '\n');
  if (self->subtitle)
    g_string_append_printf (out, "%s\n", self->subtitle);

  for (guint b = 0; b < self->blocks->len; b++)
    {
      LinliReportBlock *block = g_ptr_array_index (self->blocks, b);

      switch (block->kind)
        {
        case LINLI_REPORT_BLOCK_HEADING:
        case LINLI_REPORT_BLOCK_PARAGRAPH:
          g_string_append_printf (out, "%s\n", block->text);
          break;
        case LINLI_REPORT_BLOCK_FIGURES:
          for (guint i = 0; i < block->figures->labels->len; i++)
            g_string_append_printf (out, "%s\t%s\n",
                                    (char *) g_ptr_array_index (block->figures->labels, i),
                                    (char *) g_ptr_array_index (block->figures->values, i));
          break;
        case LINLI_REPORT_BLOCK_TABLE:
          {
            LinliReportTable *table = block->table;

            for (guint i = 0; i < table->n_columns; i++)
              g_string_append_printf (out, "%s%s", i ? "\t" : "", table->columns[i].title);
            g_string_append_c (out, '\n');
            for (guint r = 0; r < table->rows->len; r++)
              append_cells (out, g_ptr_array_index (table->rows, r), table->n_columns);
            if (table->caption)
              g_string_append_printf (out, "%s\n", table->caption);
          }
          break;
        case LINLI_REPORT_BLOCK_BAR_CHART:
          if (block->chart->title)
            g_string_append_printf (out, "%s\n", block->chart->title);
          for (guint i = 0; i < block->chart->labels->len; i++)
            g_string_append_printf (out, "%s\t%g%s\n",
                                    (char *) g_ptr_array_index (block->chart->labels, i),
                                    g_array_index (block->chart->values, double, i),
                                    block->chart->unit);
          break;
        case LINLI_REPORT_BLOCK_MAP:
          for (guint i = 0; i < block->map->areas->len; i++)
            {
              LinliReportMapArea *area = &g_array_index (block->map->areas, LinliReportMapArea, i);
              if (area->label)
                g_string_append_printf (out, "%s\n", area->label);
            }
          for (guint i = 0; i < block->map->legend->len; i++)
            g_string_append_printf (out, "%s\n",
                                    g_array_index (block->map->legend, LinliReportMapLegend, i).label);
          if (block->map->caption)
            g_string_append_printf (out, "%s\n", block->map->caption);
          if (block->map->base_map.note)
            g_string_append_printf (out, "%s\n", block->map->base_map.note);
          break;
        case LINLI_REPORT_BLOCK_SIGNATURES:
          append_cells (out, (const char * const *) block->labels, g_strv_length (block->labels));
          break;
        case LINLI_REPORT_BLOCK_PAGE_BREAK:
        default:
          break;
        }
    }

  return g_string_free (out, FALSE);
}
