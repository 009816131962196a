/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "fw-text.h"

gboolean
fw_text_is_blank (const char *text)
{
  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

char *
fw_text_in_sentence (const char *text)
{
  gunichar first;
  const char *rest;
  GString *s;

  text = text ? text : "";
  first = g_utf8_get_char (text);
  if (first == 0)
    return g_strdup ("");
  rest = g_utf8_next_char (text);
  if (!g_unichar_isupper (first))
    return g_strdup (text);
  /* Another capital in the first word makes it an acronym or a name: "CX", "PoC". */
  for (const char *p = rest; *p && !g_unichar_isspace (g_utf8_get_char (p));
       p = g_utf8_next_char (p))
    if (g_unichar_isupper (g_utf8_get_char (p)))
      return g_strdup (text);
  s = g_string_new (NULL);
  g_string_append_unichar (s, g_unichar_tolower (first));
  g_string_append (s, rest);
  return g_string_free (s, FALSE);
}

char *
fw_text_dup_stripped (const char *text)
{
  const char *start = text ? text : "";
  const char *end;

  while (*start && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return g_strndup (start, end - start);
}

gboolean
fw_text_set (char      **slot,
             const char *value)
{
  if (g_strcmp0 (*slot, value ? value : "") == 0)
    return FALSE;
  g_free (*slot);
  *slot = g_strdup (value ? value : "");
  return TRUE;
}

gboolean
fw_text_find (const char * const *texts,
              guint               n,
              const char         *text,
              guint              *index)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (text, texts[i]) == 0)
      {
        *index = i;
        return TRUE;
      }
  return FALSE;
}
