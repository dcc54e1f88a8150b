/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-mask"

#include "config.h"

#include <string.h>

#include "linli-mask.h"

/**
 * linli_mask_phone:
 * @phone: (nullable): a phone number as it was entered
 *
 * Hides the middle of a phone number and keeps what tells it apart at a
 * glance: the first three and the last four digits of a mobile number
 * (13812341234 → 138****1234), the area code and the last four digits of a
 * landline written with one (0537-1234567 → 0537-***4567). Separators and a
 * leading +86 stay as they are. A short number keeps its last two digits.
 *
 * Returns: (transfer full) (nullable): the masked number, %NULL for %NULL
 */
char *
linli_mask_phone (const char *phone)
{
  g_autofree char *copy = NULL;
  char *p;
  guint n_digits = 0, keep_first = 3, keep_last, seen = 0;

  if (phone == NULL)
    return NULL;

  copy = g_strstrip (g_strdup (phone));
  p = copy;
  /* The country code is not part of the number. */
  if (g_str_has_prefix (p, "+86"))
    p += 3;

  for (const char *c = p; *c != '\0'; c++)
    if (g_ascii_isdigit (*c))
      n_digits++;

  /* 0537-1234567: an area code written apart is kept whole. */
  if (p[0] == '0')
    {
      guint n = 0;
      while (g_ascii_isdigit (p[n]))
        n++;
      if (n >= 3 && n <= 4 && p[n] != '\0')
        keep_first = n;
    }

  if (n_digits >= 7)
    keep_last = 4;
  else
    {
      keep_first = 0;
      keep_last = n_digits >= 4 ? 2 : 0;
    }

  for (char *c = p; *c != '\0'; c++)
    {
      if (!g_ascii_isdigit (*c))
        continue;
      if (seen >= keep_first && seen + keep_last < n_digits)
        *c = '*';
      seen++;
    }

  return g_steal_pointer (&copy);
}

/**
 * linli_mask_name:
 * @name: (nullable): a person's name
 *
 * Keeps the first character of a name and hides every other one but
 * spaces: 王大爷 → 王**. A name of one character still gets a star, so that
 * the mask never shows a whole name.
 *
 * Returns: (transfer full) (nullable): the masked name, %NULL for %NULL
 */
char *
linli_mask_name (const char *name)
{
  g_autofree char *copy = NULL;
  GString *masked;
  const char *p;

  if (name == NULL)
    return NULL;

  copy = g_strstrip (g_strdup (name));
  if (*copy == '\0')
    return g_steal_pointer (&copy);

  masked = g_string_new (NULL);
  /* Bytes that are not UTF-8 count one each: they are hidden all the same. */
  p = g_utf8_find_next_char (copy, NULL);
  g_string_append_len (masked, copy, p - copy);
  if (*p == '\0')
    g_string_append_c (masked, '*');
  for (; *p != '\0'; p = g_utf8_find_next_char (p, NULL))
    g_string_append_c (masked, *p == ' ' ? ' ' : '*');

  return g_string_free (masked, FALSE);
}
