/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-report-image"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "linli-report-image.h"

/* cairo wants native-endian ARGB with the colour premultiplied by alpha;
 * gdk-pixbuf gives RGB or RGBA bytes. (GDK has this conversion, but the
 * reports are drawn without GTK.) */
static cairo_surface_t *
surface_from_pixbuf (GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int n_channels = gdk_pixbuf_get_n_channels (pixbuf);
  int src_stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guint8 *src = gdk_pixbuf_read_pixels (pixbuf);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  guint8 *dest;
  int dest_stride;

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }
  cairo_surface_flush (surface);
  dest = cairo_image_surface_get_data (surface);
  dest_stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < height; y++)
    {
      const guint8 *in = src + (gsize) y * src_stride;
      guint32 *out = (guint32 *) (gpointer) (dest + (gsize) y * dest_stride);

      for (int x = 0; x < width; x++, in += n_channels)
        {
          guint a = n_channels == 4 ? in[3] : 255;
          guint r = in[0] * a / 255, g = in[1] * a / 255, b = in[2] * a / 255;

          out[x] = (guint32) a << 24 | r << 16 | g << 8 | b;
        }
    }
  cairo_surface_mark_dirty (surface);
  return surface;
}

cairo_surface_t *
linli_report_image_from_bytes (GBytes *bytes)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  stream = g_memory_input_stream_new_from_bytes (bytes);
  pixbuf = gdk_pixbuf_new_from_stream (stream, NULL, NULL);
  return pixbuf != NULL ? surface_from_pixbuf (pixbuf) : NULL;
}

cairo_surface_t *
linli_report_image_from_file (const char *path)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  pixbuf = gdk_pixbuf_new_from_file (path, NULL);
  return pixbuf != NULL ? surface_from_pixbuf (pixbuf) : NULL;
}
