/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include "fw-gettext.h"
#include <string.h>

#include "fw-json.h"

/* The loader checks nesting before parsing; this only keeps the stack safe. */
#define MAX_DEPTH 512

/* Values, names and strings are carved out of blocks of this size (or of one
 * block of their own when larger). */
#define BLOCK_SIZE (1 << 20)

/* Up to this many members, repeated names are found by comparing pairs. */
#define SMALL_OBJECT 32

struct _FwJsonDocument
{
  FwJsonValue  root;
  GPtrArray   *blocks;
  char        *free_start;
  gsize        free_size;
};

typedef struct
{
  const char     *p;
  const char     *end;
  const char     *line_start;
  guint           line;
  GError        **error;
  GString        *scratch;   /* a string with escapes, being decoded */
  FwJsonDocument *document;
  GArray         *elements;  /* FwJsonValue: the open arrays' elements so far */
  GArray         *members;   /* FwJsonMember: the open objects' members so far */
} Parser;

static gboolean parse_value (Parser *parser, guint depth, FwJsonValue *out);

static gpointer
document_alloc (FwJsonDocument *document,
                gsize           size)
{
  gpointer memory;

  size = (size + 7) & ~(gsize) 7;
  if (size > document->free_size)
    {
      gsize block = MAX (size, BLOCK_SIZE);

      memory = g_malloc (block);
      g_ptr_array_add (document->blocks, memory);
      if (block == size)
        return memory;  /* a large one of its own; the current block stays */
      document->free_start = memory;
      document->free_size = block;
    }
  memory = document->free_start;
  document->free_start += size;
  document->free_size -= size;
  return memory;
}

static const char *
document_strdup (FwJsonDocument *document,
                 const char     *text,
                 gsize           length)
{
  char *copy = document_alloc (document, length + 1);

  memcpy (copy, text, length);
  copy[length] = '\0';
  return copy;
}

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

static gboolean
read_hex4 (Parser   *parser,
           gunichar *value)
{
  *value = 0;
  if (parser->end - parser->p < 4)
    return FALSE;
  for (int i = 0; i < 4; i++)
    {
      int h = g_ascii_xdigit_value (parser->p[i]);

      if (h < 0)
        return FALSE;
      *value = (*value << 4) | (gunichar) h;
    }
  parser->p += 4;
  return TRUE;
}

/* At the opening quote; returns the text, copied into the document, or NULL
 * on an error. */
static const char *
parse_string (Parser *parser)
{
  const char *start = ++parser->p;
  const char *q = start;
  GString *text = parser->scratch;

  /* Most strings have no escapes: one scan, one copy. */
  while (q < parser->end && *q != '"' && *q != '\\' && (guchar) *q >= 0x20)
    q++;
  parser->p = q;
  if (q < parser->end && *q == '"')
    {
      parser->p = q + 1;
      return document_strdup (parser->document, start, q - start);
    }
  g_string_truncate (text, 0);
  g_string_append_len (text, start, q - start);

  while (parser->p < parser->end)
    {
      char c = *parser->p;

      if (c == '"')
        {
          parser->p++;
          return document_strdup (parser->document, text->str, text->len);
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

static gboolean
parse_number (Parser      *parser,
              FwJsonValue *out)
{
  const char *start = parser->p;
  const char *q = start;
  gboolean integral = TRUE;
  char buffer[64];
  g_autofree char *copy = NULL;
  const char *text;
  gsize length;

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

  /* The input need not end after the number: convert a NUL-terminated copy. */
  length = q - start;
  if (length < sizeof buffer)
    {
      memcpy (buffer, start, length);
      buffer[length] = '\0';
      text = buffer;
    }
  else
    text = copy = g_strndup (start, length);
  parser->p = q;
  if (integral)
    {
      char *rest;
      gint64 value;

      errno = 0;
      value = g_ascii_strtoll (text, &rest, 10);
      if (errno == 0)
        {
          out->type = FW_JSON_INTEGER;
          out->integer = value;
          return TRUE;
        }
    }
  out->type = FW_JSON_DOUBLE;
  out->number = g_ascii_strtod (text, NULL);
  return TRUE;

bad:
  parser->p = q;
  fail (parser, _("a malformed number"));
  return FALSE;
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

/* Moves what a container gathered on @stack from @first on into the document:
 * its members or elements, contiguous. */
static gpointer
take_from_stack (Parser *parser,
                 GArray *stack,
                 guint   first,
                 guint  *n)
{
  guint size = g_array_get_element_size (stack);
  gpointer items;

  *n = stack->len - first;
  if (*n == 0)
    return NULL;
  items = document_alloc (parser->document, (gsize) *n * size);
  memcpy (items, stack->data + (gsize) first * size, (gsize) *n * size);
  g_array_set_size (stack, first);
  return items;
}

/* A large object keeps only the last of a repeated name, so that
 * fw_json_object_is_final() need not compare every pair of its members. */
static void
drop_overridden (GArray *members,
                 guint   first)
{
  g_autoptr(GHashTable) last = g_hash_table_new (g_str_hash, g_str_equal);
  guint kept = first;

  for (guint i = first; i < members->len; i++)
    g_hash_table_insert (last, (gpointer) g_array_index (members, FwJsonMember, i).name,
                         GUINT_TO_POINTER (i));
  for (guint i = first; i < members->len; i++)
    {
      FwJsonMember *member = &g_array_index (members, FwJsonMember, i);

      if (GPOINTER_TO_UINT (g_hash_table_lookup (last, member->name)) == i)
        g_array_index (members, FwJsonMember, kept++) = *member;
    }
  g_array_set_size (members, kept);
}

/* The members are gathered on the parser's stack (an object inside sits above
 * them while it is read) and moved into the document at the closing brace. */
static gboolean
parse_object (Parser      *parser,
              guint        depth,
              FwJsonValue *out)
{
  guint first = parser->members->len;

  parser->p++;
  skip_space (parser);
  if (parser->p < parser->end && *parser->p == '}')
    {
      parser->p++;
      goto done;
    }

  for (;;)
    {
      FwJsonMember member;

      skip_space (parser);
      if (parser->p >= parser->end || *parser->p != '"')
        {
          fail (parser, _("expected a member name in quotes"));
          return FALSE;
        }
      member.name = parse_string (parser);
      if (member.name == NULL)
        return FALSE;
      skip_space (parser);
      if (parser->p >= parser->end || *parser->p != ':')
        {
          fail (parser, _("expected “:” after a member name"));
          return FALSE;
        }
      parser->p++;
      if (!parse_value (parser, depth + 1, &member.value))
        return FALSE;
      g_array_append_val (parser->members, member);
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
      return FALSE;
    }

done:
  if (parser->members->len - first > SMALL_OBJECT)
    drop_overridden (parser->members, first);
  out->type = FW_JSON_OBJECT;
  out->members = take_from_stack (parser, parser->members, first, &out->n);
  return TRUE;
}

static gboolean
parse_array (Parser      *parser,
             guint        depth,
             FwJsonValue *out)
{
  guint first = parser->elements->len;

  parser->p++;
  skip_space (parser);
  if (parser->p < parser->end && *parser->p == ']')
    {
      parser->p++;
      goto done;
    }

  for (;;)
    {
      FwJsonValue element;

      if (!parse_value (parser, depth + 1, &element))
        return FALSE;
      g_array_append_val (parser->elements, element);
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
      return FALSE;
    }

done:
  out->type = FW_JSON_ARRAY;
  out->elements = take_from_stack (parser, parser->elements, first, &out->n);
  return TRUE;
}

static gboolean
parse_value (Parser      *parser,
             guint        depth,
             FwJsonValue *out)
{
  out->n = 0;
  if (depth > MAX_DEPTH)
    {
      fail (parser, _("nested too deeply"));
      return FALSE;
    }
  skip_space (parser);
  if (parser->p >= parser->end)
    {
      fail (parser, _("the data ends where a value was expected"));
      return FALSE;
    }

  switch (*parser->p)
    {
    case '{':
      return parse_object (parser, depth, out);
    case '[':
      return parse_array (parser, depth, out);
    case '"':
      out->type = FW_JSON_STRING;
      out->string = parse_string (parser);
      return out->string != NULL;
    case 't':
      if (expect_word (parser, "true"))
        {
          out->type = FW_JSON_BOOLEAN;
          out->boolean = TRUE;
          return TRUE;
        }
      break;
    case 'f':
      if (expect_word (parser, "false"))
        {
          out->type = FW_JSON_BOOLEAN;
          out->boolean = FALSE;
          return TRUE;
        }
      break;
    case 'n':
      if (expect_word (parser, "null"))
        {
          out->type = FW_JSON_NULL;
          return TRUE;
        }
      break;
    default:
      if (*parser->p == '-' || g_ascii_isdigit (*parser->p))
        return parse_number (parser, out);
      break;
    }
  fail (parser, _("expected a value (an object, array, string, number, true, false or null)"));
  return FALSE;
}

FwJsonDocument *
fw_json_parse (const char  *data,
               gsize        length,
               GError     **error)
{
  Parser parser = { data, data + length, data, 1, error, NULL, NULL, NULL, NULL };
  g_autoptr(FwJsonDocument) document = NULL;
  gboolean ok;

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

  document = g_new0 (FwJsonDocument, 1);
  document->blocks = g_ptr_array_new_with_free_func (g_free);
  parser.document = document;
  parser.scratch = g_string_sized_new (256);
  parser.elements = g_array_sized_new (FALSE, FALSE, sizeof (FwJsonValue), 256);
  parser.members = g_array_sized_new (FALSE, FALSE, sizeof (FwJsonMember), 256);
  ok = parse_value (&parser, 0, &document->root);
  g_string_free (parser.scratch, TRUE);
  g_array_unref (parser.elements);
  g_array_unref (parser.members);
  if (!ok)
    return NULL;
  skip_space (&parser);
  if (parser.p < parser.end)
    {
      fail (&parser, _("more data after the end of the document"));
      return NULL;
    }
  return g_steal_pointer (&document);
}

const FwJsonValue *
fw_json_document_get_root (const FwJsonDocument *document)
{
  g_return_val_if_fail (document != NULL, NULL);

  return &document->root;
}

void
fw_json_document_free (FwJsonDocument *document)
{
  if (document == NULL)
    return;
  g_ptr_array_unref (document->blocks);
  g_free (document);
}

const FwJsonValue *
fw_json_object_get (const FwJsonValue *object,
                    const char        *name)
{
  g_return_val_if_fail (object != NULL && object->type == FW_JSON_OBJECT, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  /* From the end: the last of a repeated name wins. Objects are small; the first
   * byte is compared before the call (string comparisons were a tenth of loading). */
  for (guint i = object->n; i-- > 0;)
    if (object->members[i].name[0] == name[0] && strcmp (object->members[i].name, name) == 0)
      return &object->members[i].value;
  return NULL;
}

gboolean
fw_json_object_is_final (const FwJsonValue *object,
                         guint              index)
{
  g_return_val_if_fail (object != NULL && object->type == FW_JSON_OBJECT, FALSE);
  g_return_val_if_fail (index < object->n, FALSE);

  if (object->n > SMALL_OBJECT)
    return TRUE;  /* no repeats left: see drop_overridden() */
  for (guint i = index + 1; i < object->n; i++)
    if (object->members[i].name[0] == object->members[index].name[0] &&
        strcmp (object->members[i].name, object->members[index].name) == 0)
      return FALSE;
  return TRUE;
}

JsonNode *
fw_json_value_to_node (const FwJsonValue *value)
{
  JsonNode *node = json_node_alloc ();

  g_return_val_if_fail (value != NULL, NULL);

  switch (value->type)
    {
    case FW_JSON_OBJECT:
      {
        JsonObject *object = json_object_new ();

        for (guint i = 0; i < value->n; i++)
          json_object_set_member (object, value->members[i].name,
                                  fw_json_value_to_node (&value->members[i].value));
        json_node_take_object (json_node_init (node, JSON_NODE_OBJECT), object);
      }
      break;
    case FW_JSON_ARRAY:
      {
        JsonArray *array = json_array_sized_new (value->n);

        for (guint i = 0; i < value->n; i++)
          json_array_add_element (array, fw_json_value_to_node (&value->elements[i]));
        json_node_take_array (json_node_init (node, JSON_NODE_ARRAY), array);
      }
      break;
    case FW_JSON_STRING:
      json_node_init_string (node, value->string);
      break;
    case FW_JSON_INTEGER:
      json_node_init_int (node, value->integer);
      break;
    case FW_JSON_DOUBLE:
      json_node_init_double (node, value->number);
      break;
    case FW_JSON_BOOLEAN:
      json_node_init_boolean (node, value->boolean);
      break;
    case FW_JSON_NULL:
    default:
      json_node_init_null (node);
      break;
    }
  return node;
}

/* Writing */

void
fw_json_writer_init (FwJsonWriter *writer,
                     GString      *out)
{
  writer->out = out;
  writer->open = g_byte_array_new ();
}

void
fw_json_writer_clear (FwJsonWriter *writer)
{
  g_clear_pointer (&writer->open, g_byte_array_unref);
}

static void
append_indent (GString *out,
               guint    depth)
{
  static const char spaces[] = "                                ";
  gsize n = (gsize) depth * 2;

  while (n > 0)
    {
      gsize k = MIN (n, sizeof spaces - 1);

      g_string_append_len (out, spaces, k);
      n -= k;
    }
}

static void
append_escaped (GString    *out,
                const char *text)
{
  const guchar *p = (const guchar *) text;
  const guchar *run = p;

  for (;; p++)
    {
      guchar c = *p;

      if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
        continue;
      g_string_append_len (out, (const char *) run, (const char *) p - (const char *) run);
      run = p + 1;
      switch (c)
        {
        case '\0':
          return;
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          g_string_append_printf (out, "\\u%04x", c);
          break;
        }
    }
}

/* What comes before a value: the separator, the indent and the name. */
static void
begin_item (FwJsonWriter *writer,
            const char   *name)
{
  guint depth = writer->open->len;

  if (depth > 0)
    {
      guint8 *first = &writer->open->data[depth - 1];

      g_string_append (writer->out, *first ? "\n" : ",\n");
      *first = 0;
      append_indent (writer->out, depth);
    }
  if (name != NULL)
    {
      g_string_append_c (writer->out, '"');
      append_escaped (writer->out, name);
      g_string_append (writer->out, "\" : ");
    }
}

static void
begin_container (FwJsonWriter *writer,
                 const char   *name,
                 char          bracket)
{
  guint8 first = 1;

  begin_item (writer, name);
  g_string_append_c (writer->out, bracket);
  g_byte_array_append (writer->open, &first, 1);
}

static void
end_container (FwJsonWriter *writer,
               char          bracket)
{
  guint depth = writer->open->len;
  gboolean empty;

  g_return_if_fail (depth > 0);
  empty = writer->open->data[depth - 1];
  g_byte_array_set_size (writer->open, depth - 1);
  /* As json-glib: an empty array is "[]", an empty object's brace is indented. */
  if (!empty)
    g_string_append_c (writer->out, '\n');
  if (!empty || bracket == '}')
    append_indent (writer->out, depth - 1);
  g_string_append_c (writer->out, bracket);
}

void
fw_json_writer_init_nested (FwJsonWriter *writer,
                            GString      *out,
                            guint         depth)
{
  static const guint8 not_first = 0;

  fw_json_writer_init (writer, out);
  for (guint i = 0; i < depth; i++)
    g_byte_array_append (writer->open, &not_first, 1);
}

void
fw_json_writer_raw (FwJsonWriter *writer,
                    const char   *name,
                    const char   *text,
                    gsize         length)
{
  begin_item (writer, name);
  g_string_append_len (writer->out, text, length);
}

void
fw_json_writer_begin_object (FwJsonWriter *writer,
                             const char   *name)
{
  begin_container (writer, name, '{');
}

void
fw_json_writer_end_object (FwJsonWriter *writer)
{
  end_container (writer, '}');
}

void
fw_json_writer_begin_array (FwJsonWriter *writer,
                            const char   *name)
{
  begin_container (writer, name, '[');
}

void
fw_json_writer_end_array (FwJsonWriter *writer)
{
  end_container (writer, ']');
}

void
fw_json_writer_string (FwJsonWriter *writer,
                       const char   *name,
                       const char   *value)
{
  begin_item (writer, name);
  g_string_append_c (writer->out, '"');
  append_escaped (writer->out, value ? value : "");
  g_string_append_c (writer->out, '"');
}

void
fw_json_writer_int (FwJsonWriter *writer,
                    const char   *name,
                    gint64        value)
{
  begin_item (writer, name);
  g_string_append_printf (writer->out, "%" G_GINT64_FORMAT, value);
}

void
fw_json_writer_boolean (FwJsonWriter *writer,
                        const char   *name,
                        gboolean      value)
{
  begin_item (writer, name);
  g_string_append (writer->out, value ? "true" : "false");
}

void
fw_json_writer_node (FwJsonWriter *writer,
                     const char   *name,
                     JsonNode     *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *member;
        JsonNode *value;

        fw_json_writer_begin_object (writer, name);
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &member, &value))
          fw_json_writer_node (writer, member, value);
        fw_json_writer_end_object (writer);
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        fw_json_writer_begin_array (writer, name);
        for (guint i = 0; i < json_array_get_length (array); i++)
          fw_json_writer_node (writer, NULL, json_array_get_element (array, i));
        fw_json_writer_end_array (writer);
      }
      break;
    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          fw_json_writer_int (writer, name, json_node_get_int (node));
          break;
        case G_TYPE_BOOLEAN:
          fw_json_writer_boolean (writer, name, json_node_get_boolean (node));
          break;
        case G_TYPE_DOUBLE:
          {
            char buffer[G_ASCII_DTOSTR_BUF_SIZE];

            begin_item (writer, name);
            g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node));
            g_string_append (writer->out, buffer);
            /* A double stays a double when read back. */
            if (strpbrk (buffer, ".eE") == NULL)
              g_string_append (writer->out, ".0");
          }
          break;
        case G_TYPE_STRING:
        default:
          fw_json_writer_string (writer, name, json_node_get_string (node));
          break;
        }
      break;
    case JSON_NODE_NULL:
    default:
      begin_item (writer, name);
      g_string_append (writer->out, "null");
      break;
    }
}

static JsonNode *
node_deep_copy (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        g_autoptr(JsonObject) copy = fw_json_object_copy (json_node_get_object (node));

        return json_node_init_object (json_node_alloc (), copy);
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        g_autoptr(JsonArray) copy = json_array_sized_new (json_array_get_length (array));

        for (guint i = 0; i < json_array_get_length (array); i++)
          json_array_add_element (copy, node_deep_copy (json_array_get_element (array, i)));
        return json_node_init_array (json_node_alloc (), copy);
      }
    case JSON_NODE_VALUE:
      {
        g_auto(GValue) value = G_VALUE_INIT;
        JsonNode *copy = json_node_alloc ();

        /* A new value: json_node_copy() would share it too. */
        json_node_get_value (node, &value);
        json_node_init (copy, JSON_NODE_VALUE);
        json_node_set_value (copy, &value);
        return copy;
      }
    case JSON_NODE_NULL:
    default:
      return json_node_init_null (json_node_alloc ());
    }
}

/* json_node_copy() only takes a reference to an object or an array: the members
 * are copied one by one, in their order. */
JsonObject *
fw_json_object_copy (JsonObject *object)
{
  JsonObject *copy;
  g_autoptr(GList) names = NULL;

  if (object == NULL)
    return NULL;
  copy = json_object_new ();
  names = json_object_get_members (object);
  for (GList *l = names; l; l = l->next)
    json_object_set_member (copy, l->data,
                            node_deep_copy (json_object_get_member (object, l->data)));
  return copy;
}
