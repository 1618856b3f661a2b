/**
 * The API reference page (GET /docs), rendered on the server from the OpenAPI document: one
 * section per tag, one card per operation (method, path, summary, security, parameters,
 * request body, answers), then the named schemas. No script and no inline style, so it works
 * under a CSP of 'self' and with JavaScript off; its stylesheet is reference.css.ts.
 */
import type { FC } from 'hono/jsx';
import type { OpenApiDocument } from './document.js';
import { notesOf, refName, schemaText, type JsonSchema } from './schema-text.js';

export const REFERENCE_CSS_PATH = '/docs/reference.css';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: JsonSchema;
}

interface MediaTypes {
  content?: Record<string, { schema?: JsonSchema }>;
}

interface Operation {
  tags?: string[];
  summary?: string;
  description?: string;
  security?: Array<Record<string, string[]>>;
  parameters?: Parameter[];
  requestBody?: MediaTypes & { required?: boolean };
  responses?: Record<string, MediaTypes & { description?: string }>;
}

interface Listed {
  method: string;
  path: string;
  operation: Operation;
}

const anchorOf = (method: string, path: string) => `${method}-${path}`.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '');

function operationsByTag(document: OpenApiDocument): Map<string, Listed[]> {
  const byTag = new Map<string, Listed[]>((document.tags ?? []).map((tag) => [tag.name, []]));
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      const tag = operation.tags?.[0] ?? 'Other';
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag)!.push({ method, path, operation });
    }
  }
  return byTag;
}

/** Prose of the document, with its `code` spans set as code. */
const Prose: FC<{ text?: string }> = ({ text }) => (
  <>{(text ?? '').split(/`([^`]+)`/).map((part, i) => (i % 2 ? <code>{part}</code> : part))}</>
);

const Schema: FC<{ schema?: JsonSchema }> = ({ schema }) => (schema ? <pre class="schema">{schemaText(schema)}</pre> : null);

const Content: FC<{ body?: MediaTypes }> = ({ body }) => (
  <>
    {Object.entries(body?.content ?? {}).map(([mediaType, { schema }]) => (
      <div class="media">
        <code class="media-type">{mediaType}</code>
        {schema && (schema.$ref || schema.properties || schema.anyOf || schema.items) ? <Schema schema={schema} /> : null}
      </div>
    ))}
  </>
);

const Parameters: FC<{ parameters: Parameter[] }> = ({ parameters }) => (
  <table>
    <thead>
      <tr>
        <th>name</th>
        <th>in</th>
        <th>type</th>
        <th>rule</th>
      </tr>
    </thead>
    <tbody>
      {parameters.map((p) => (
        <tr>
          <td>
            <code>{p.name}</code>
            {p.required ? ' (required)' : ''}
          </td>
          <td>{p.in}</td>
          <td>
            <code>{p.schema ? schemaText(p.schema) : 'string'}</code>
          </td>
          <td>{p.schema ? notesOf(p.schema) : (p.description ?? '')}</td>
        </tr>
      ))}
    </tbody>
  </table>
);

const OperationCard: FC<Listed> = ({ method, path, operation }) => (
  <section class="operation" id={anchorOf(method, path)}>
    <h3>
      <span class={`method ${method}`}>{method.toUpperCase()}</span> <code>{path}</code>
    </h3>
    {operation.summary ? (
      <p>
        <Prose text={operation.summary} />
      </p>
    ) : null}
    {operation.description ? (
      <p>
        <Prose text={operation.description} />
      </p>
    ) : null}
    {operation.security?.length ? (
      <p class="security">
        Needs: {operation.security.map((requirement) => Object.keys(requirement).join(' + ') || 'nothing').join(', or ')}
      </p>
    ) : null}
    {operation.parameters?.length ? (
      <>
        <h4>Parameters</h4>
        <Parameters parameters={operation.parameters} />
      </>
    ) : null}
    {operation.requestBody ? (
      <>
        <h4>Body{operation.requestBody.required ? '' : ' (optional)'}</h4>
        <Content body={operation.requestBody} />
      </>
    ) : null}
    <h4>Answers</h4>
    <dl class="answers">
      {Object.entries(operation.responses ?? {}).map(([status, answer]) => (
        <>
          <dt class={`status s${status[0]}`}>{status}</dt>
          <dd>
            <Prose text={answer.description} />
            <Content body={answer} />
          </dd>
        </>
      ))}
    </dl>
  </section>
);

export const ReferencePage: FC<{ document: OpenApiDocument }> = ({ document }) => {
  const byTag = operationsByTag(document);
  const schemas = Object.entries((document.components?.schemas ?? {}) as Record<string, JsonSchema>);
  const schemes = Object.entries(document.components?.securitySchemes ?? {}) as Array<[string, { description?: string }]>;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${document.info.title} ${document.info.version}: API reference`}</title>
        <link rel="stylesheet" href={REFERENCE_CSS_PATH} />
      </head>
      <body>
        <nav>
          <p class="title">
            {document.info.title} <span class="version">{document.info.version}</span>
          </p>
          <p>
            <a href="/openapi.json">openapi.json</a> (OpenAPI {document.openapi})
          </p>
          {[...byTag].map(([tag, listed]) => (
            <>
              <p class="tag">
                <a href={`#${anchorOf('tag', tag)}`}>{tag}</a>
              </p>
              <ul>
                {listed.map(({ method, path }) => (
                  <li>
                    <a href={`#${anchorOf(method, path)}`}>
                      <span class={`method ${method}`}>{method.toUpperCase()}</span> {path}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ))}
          <p class="tag">
            <a href="#schemas">Schemas</a>
          </p>
        </nav>
        <main>
          <h1>{document.info.title}: API reference</h1>
          <p>
            <Prose text={document.info.description} />
          </p>
          {schemes.length ? (
            <dl class="schemes">
              {schemes.map(([name, scheme]) => (
                <>
                  <dt>
                    <code>{name}</code>
                  </dt>
                  <dd>{scheme.description}</dd>
                </>
              ))}
            </dl>
          ) : null}
          {[...byTag].map(([tag, listed]) => (
            <section id={anchorOf('tag', tag)}>
              <h2>{tag}</h2>
              <p>{document.tags?.find((t) => t.name === tag)?.description}</p>
              {listed.map((entry) => (
                <OperationCard {...entry} />
              ))}
            </section>
          ))}
          <section id="schemas">
            <h2>Schemas</h2>
            {schemas.map(([name, schema]) => (
              <section class="operation" id={`schema-${name}`}>
                <h3>
                  <code>{refName(name)}</code>
                </h3>
                <Schema schema={schema} />
              </section>
            ))}
          </section>
        </main>
      </body>
    </html>
  );
};
