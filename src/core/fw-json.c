/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "fw-json.h"

/* The loader checks nesting before parsing; this only keeps the stack safe. */
#define MAX_DEPTH 512

typedef struct
{
  const char *p;
  const char *end;
  const char *line_start;
  guint       line;
  GError    **error;
  GString    *scratch;  /* the string being read: one buffer for all of them */
} Parser;

static JsonNode *parse_value (Parser *parser, guint depth);

static void
fail (Parser     *parser,
      const char *message)
{
  glong column;

  if (*parser->error != NULL)
    return;
  column = g_utf8_pointer_to_offset (parser->line_start, MIN (parser->p, parser->end)) + 1;
  g_set_error (parser->error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE, "<data>:%u:%ld: %s",
               parser->line, column, message);
}

static void
skip_space (Parser *parser)
{
  while (parser->p < parser->end)
    {
      char c = *parser->p;

      if (c == '\n')
        {
          parser->line++;
          parser->line_start = parser->p + 1;
        }
      else if (c != ' ' && c != '\t' && c != '\r')
        return;
      parser->p++;
    }
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (Parser   *parser,
           gunichar *value)
{
  *value = 0;
  if (parser->end - parser->p < 4)
    return FALSE;
  for (int i = 0; i < 4; i++)
    {
      int h = hex_value (parser->p[i]);

      if (h < 0)
        return FALSE;
      *value = (*value << 4) | (gunichar) h;
    }
  parser->p += 4;
  return TRUE;
}

/* At the opening quote; returns the text in the parser's scratch buffer,
 * valid until the next string is read, or NULL on an error. */
static const char *
parse_string (Parser *parser)
{
  const char *start = ++parser->p;
  const char *q = start;
  GString *text = parser->scratch;

  /* Most strings have no escapes: one scan, one copy. */
  while (q < parser->end && *q != '"' && *q != '\\' && (guchar) *q >= 0x20)
    q++;
  g_string_truncate (text, 0);
  g_string_append_len (text, start, q - start);
  parser->p = q;
  if (q < parser->end && *q == '"')
    {
      parser->p = q + 1;
      return text->str;
    }

  while (parser->p < parser->end)
    {
      char c = *parser->p;

      if (c == '"')
        {
          parser->p++;
          return text->str;
        }
      if ((guchar) c < 0x20)
        {
          fail (parser, _("a control character inside a string"));
          return NULL;
        }
      if (c != '\\')
        {
          g_string_append_c (text, c);
          parser->p++;
          continue;
        }

      parser->p++;
      if (parser->p >= parser->end)
        break;
      c = *parser->p++;
      switch (c)
        {
        case '"': g_string_append_c (text, '"'); break;
        case '\\': g_string_append_c (text, '\\'); break;
        case '/': g_string_append_c (text, '/'); break;
        case 'b': g_string_append_c (text, '\b'); break;
        case 'f': g_string_append_c (text, '\f'); break;
        case 'n': g_string_append_c (text, '\n'); break;
        case 'r': g_string_append_c (text, '\r'); break;
        case 't': g_string_append_c (text, '\t'); break;
        case 'u':
          {
            gunichar ch, low;

            if (!read_hex4 (parser, &ch))
              {
                fail (parser, _("a \\u escape needs four hexadecimal digits"));
                return NULL;
              }
            /* A surrogate pair stands for one character beyond the BMP. */
            if (ch >= 0xD800 && ch <= 0xDBFF && parser->end - parser->p >= 6 &&
                parser->p[0] == '\\' && parser->p[1] == 'u')
              {
                parser->p += 2;
                if (read_hex4 (parser, &low) && low >= 0xDC00 && low <= 0xDFFF)
                  ch = 0x10000 + ((ch - 0xD800) << 10) + (low - 0xDC00);
                else
                  ch = 0xFFFD;
              }
            else if (ch >= 0xD800 && ch <= 0xDFFF)
              ch = 0xFFFD;
            if (ch == 0)
              ch = 0xFFFD;  /* no NUL inside C strings */
            g_string_append_unichar (text, ch);
            break;
          }
        default:
          parser->p--;
          fail (parser, _("an unknown escape in a string"));
          return NULL;
        }
    }
  fail (parser, _("a string that never ends"));
  return NULL;
}

static JsonNode *
parse_number (Parser *parser)
{
  const char *start = parser->p;
  const char *q = start;
  gboolean integral = TRUE;
  g_autofree char *copy = NULL;
  JsonNode *node;

  if (q < parser->end && *q == '-')
    q++;
  if (q < parser->end && *q == '0')
    q++;
  else if (q < parser->end && *q >= '1' && *q <= '9')
    while (q < parser->end && g_ascii_isdigit (*q))
      q++;
  else
    goto bad;
  if (q < parser->end && *q == '.')
    {
      integral = FALSE;
      q++;
      if (q >= parser->end || !g_ascii_isdigit (*q))
        goto bad;
      while (q < parser->end && g_ascii_isdigit (*q))
        q++;
    }
  if (q < parser->end && (*q == 'e' || *q == 'E'))
    {
      integral = FALSE;
      q++;
      if (q < parser->end && (*q == '+' || *q == '-'))
        q++;
      if (q >= parser->end || !g_ascii_isdigit (*q))
        goto bad;
      while (q < parser->end && g_ascii_isdigit (*q))
        q++;
    }

  copy = g_strndup (start, q - start);
  parser->p = q;
  node = json_node_alloc ();
  if (integral)
    {
      char *rest;
      gint64 value;

      errno = 0;
      value = g_ascii_strtoll (copy, &rest, 10);
      if (errno == 0)
        return json_node_init_int (node, value);
    }
  return json_node_init_double (node, g_ascii_strtod (copy, NULL));

bad:
  parser->p = q;
  fail (parser, _("a malformed number"));
  return NULL;
}

static gboolean
expect_word (Parser     *parser,
             const char *word)
{
  gsize n = strlen (word);

  if ((gsize) (parser->end - parser->p) >= n && memcmp (parser->p, word, n) == 0)
    {
      parser->p += n;
      return TRUE;
    }
  return FALSE;
}

static JsonNode *
parse_object (Parser *parser,
              guint   depth)
{
  JsonObject *object = json_object_new ();
  JsonNode *node;

  parser->p++;
  skip_space (parser);
  if (parser->p < parser->end && *parser->p == '}')
    {
      parser->p++;
      goto done;
    }

  for (;;)
    {
      g_autofree char *name = NULL;
      const char *text;
      JsonNode *member;

      skip_space (parser);
      if (parser->p >= parser->end || *parser->p != '"')
        {
          fail (parser, _("expected a member name in quotes"));
          goto error;
        }
      text = parse_string (parser);
      if (text == NULL)
        goto error;
      name = g_strdup (text);
      skip_space (parser);
      if (parser->p >= parser->end || *parser->p != ':')
        {
          fail (parser, _("expected “:” after a member name"));
          goto error;
        }
      parser->p++;
      member = parse_value (parser, depth + 1);
      if (member == NULL)
        goto error;
      json_object_set_member (object, name, member);
      skip_space (parser);
      if (parser->p < parser->end && *parser->p == ',')
        {
          parser->p++;
          continue;
        }
      if (parser->p < parser->end && *parser->p == '}')
        {
          parser->p++;
          break;
        }
      fail (parser, _("expected “,” or “}” in an object"));
      goto error;
    }

done:
  node = json_node_alloc ();
  json_node_init_object (node, object);
  json_object_unref (object);
  return node;

error:
  json_object_unref (object);
  return NULL;
}

static JsonNode *
parse_array (Parser *parser,
             guint   depth)
{
  JsonArray *array = json_array_new ();
  JsonNode *node;

  parser->p++;
  skip_space (parser);
  if (parser->p < parser->end && *parser->p == ']')
    {
      parser->p++;
      goto done;
    }

  for (;;)
    {
      JsonNode *element = parse_value (parser, depth + 1);

      if (element == NULL)
        goto error;
      json_array_add_element (array, element);
      skip_space (parser);
      if (parser->p < parser->end && *parser->p == ',')
        {
          parser->p++;
          continue;
        }
      if (parser->p < parser->end && *parser->p == ']')
        {
          parser->p++;
          break;
        }
      fail (parser, _("expected “,” or “]” in an array"));
      goto error;
    }

done:
  node = json_node_alloc ();
  json_node_init_array (node, array);
  json_array_unref (array);
  return node;

error:
  json_array_unref (array);
  return NULL;
}

static JsonNode *
parse_value (Parser *parser,
             guint   depth)
{
  const char *text;
  JsonNode *node;

  if (depth > MAX_DEPTH)
    {
      fail (parser, _("nested too deeply"));
      return NULL;
    }
  skip_space (parser);
  if (parser->p >= parser->end)
    {
      fail (parser, _("the data ends where a value was expected"));
      return NULL;
    }

  switch (*parser->p)
    {
    case '{':
      return parse_object (parser, depth);
    case '[':
      return parse_array (parser, depth);
    case '"':
      text = parse_string (parser);
      if (text == NULL)
        return NULL;
      node = json_node_alloc ();
      json_node_init_string (node, text);
      return node;
    case 't':
      if (expect_word (parser, "true"))
        return json_node_init_boolean (json_node_alloc (), TRUE);
      break;
    case 'f':
      if (expect_word (parser, "false"))
        return json_node_init_boolean (json_node_alloc (), FALSE);
      break;
    case 'n':
      if (expect_word (parser, "null"))
        return json_node_init_null (json_node_alloc ());
      break;
    default:
      if (*parser->p == '-' || g_ascii_isdigit (*parser->p))
        return parse_number (parser);
      break;
    }
  fail (parser, _("expected a value (an object, array, string, number, true, false or null)"));
  return NULL;
}

JsonNode *
fw_json_parse (const char  *data,
               gsize        length,
               GError     **error)
{
  Parser parser = { data, data + length, data, 1, error, NULL };
  JsonNode *root;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Without a caller's error, failures must still be seen here. */
  if (error == NULL)
    {
      g_autoptr(GError) local = NULL;

      return fw_json_parse (data, length, &local);
    }

  /* Nothing but white space: no document, and no error (as JsonParser). */
  skip_space (&parser);
  if (parser.p == parser.end)
    return NULL;

  parser.scratch = g_string_sized_new (256);
  root = parse_value (&parser, 0);
  g_string_free (parser.scratch, TRUE);
  if (root == NULL)
    return NULL;
  skip_space (&parser);
  if (parser.p < parser.end)
    {
      fail (&parser, _("more data after the end of the document"));
      json_node_unref (root);
      return NULL;
    }
  return root;
}
