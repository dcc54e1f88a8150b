/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "linli-report-layout-private.h"

/* GB/T 9704-2012: the title in 2号小标宋 (22 pt), the body in 3号仿宋
 * (16 pt), first-level headings in 黑体, second-level in 楷体, 22 lines of
 * 28 characters on a 156 × 225 mm text block. The Noto CJK faces stand in:
 * Serif for 宋体/仿宋, Sans for 黑体. Tables take 5号 (10.5 pt). */

#define SERIF "Noto Serif CJK SC"
#define SANS  "Noto Sans CJK SC"

static PangoFontDescription *
font (const char  *family,
      PangoWeight  weight,
      double       size)
{
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family (desc, family);
  pango_font_description_set_weight (desc, weight);
  pango_font_description_set_size (desc, (int) (size * PANGO_SCALE));
  return desc;
}

LinliReportStyle *
linli_report_style_new (void)
{
  LinliReportStyle *style = g_new0 (LinliReportStyle, 1);
  cairo_font_options_t *options;

  /* Points as units, no hinting: the same metrics on paper, in a PDF and
   * on a zoomed preview. */
  style->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (style->context, 72);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (style->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (style->context, FALSE);
  pango_context_set_language (style->context, pango_language_from_string ("zh-cn"));

  style->title = font (SERIF, PANGO_WEIGHT_BOLD, 22);
  style->subtitle = font (SERIF, PANGO_WEIGHT_NORMAL, 16);
  style->body = font (SERIF, PANGO_WEIGHT_NORMAL, 16);
  style->heading1 = font (SANS, PANGO_WEIGHT_BOLD, 16);
  style->heading2 = font (SERIF, PANGO_WEIGHT_BOLD, 16);
  style->table = font (SANS, PANGO_WEIGHT_NORMAL, 10.5);
  style->table_bold = font (SANS, PANGO_WEIGHT_BOLD, 10.5);
  style->caption = font (SANS, PANGO_WEIGHT_BOLD, 12);
  style->page_number = font (SERIF, PANGO_WEIGHT_NORMAL, 14);
  style->body_pitch = 225 * LINLI_MM / 22;

  return style;
}

void
linli_report_style_free (LinliReportStyle *style)
{
  g_object_unref (style->context);
  pango_font_description_free (style->title);
  pango_font_description_free (style->subtitle);
  pango_font_description_free (style->body);
  pango_font_description_free (style->heading1);
  pango_font_description_free (style->heading2);
  pango_font_description_free (style->table);
  pango_font_description_free (style->table_bold);
  pango_font_description_free (style->caption);
  pango_font_description_free (style->page_number);
  g_free (style);
}

LinliTextLines *
linli_text_lines_new (LinliReportStyle           *style,
                      const PangoFontDescription *desc,
                      const char                 *text,
                      double                      width,
                      double                      pitch,
                      double                      indent,
                      PangoAlignment              alignment)
{
  LinliTextLines *lines = g_new0 (LinliTextLines, 1);
  PangoLayoutIter *iter;
  guint i = 0;

  lines->layout = pango_layout_new (style->context);
  pango_layout_set_font_description (lines->layout, desc);
  pango_layout_set_width (lines->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (lines->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_indent (lines->layout, (int) (indent * PANGO_SCALE));
  pango_layout_set_alignment (lines->layout, alignment);
  pango_layout_set_justify (lines->layout, alignment == PANGO_ALIGN_LEFT);
  pango_layout_set_text (lines->layout, text, -1);

  lines->pitch = pitch;
  lines->n_lines = pango_layout_get_line_count (lines->layout);
  lines->line_x = g_new0 (double, lines->n_lines);

  iter = pango_layout_get_iter (lines->layout);
  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      if (i < lines->n_lines)
        lines->line_x[i++] = (double) logical.x / PANGO_SCALE;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  return lines;
}

void
linli_text_lines_draw (LinliTextLines *lines,
                       cairo_t        *cr,
                       double          x,
                       double          y,
                       guint           first,
                       guint           last)
{
  for (guint i = first; i < last && i < lines->n_lines; i++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (lines->layout, i);
      PangoRectangle logical;
      double top = y + (i - first) * lines->pitch;
      double height, baseline;

      pango_layout_line_get_extents (line, NULL, &logical);
      height = (double) logical.height / PANGO_SCALE;
      baseline = top + (lines->pitch - height) / 2 - (double) logical.y / PANGO_SCALE;

      cairo_move_to (cr, x + lines->line_x[i], baseline);
      pango_cairo_show_layout_line (cr, line);
    }
}

void
linli_text_lines_free (LinliTextLines *lines)
{
  if (lines == NULL)
    return;
  g_object_unref (lines->layout);
  g_free (lines->line_x);
  g_free (lines);
}
