// A browsable reference of the API, made from /api/openapi.json with the product's own accessible components.
import {
  Alert,
  Heading1,
  Heading2,
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { describeType, groupEndpoints, openApiDocument, type Endpoint } from './openApiDocument.ts';

const DOCUMENT_URL = '/api/openapi.json';

function anchorOf(endpoint: Endpoint): string {
  return `${endpoint.method}-${endpoint.path}`.replace(/[^A-Za-z0-9]+/g, '-');
}

function SchemaBlock({ title, schema }: { title: string; schema: unknown }) {
  return (
    <details className="stadshart-schema">
      <summary>{title}</summary>
      <pre className="stadshart-pre">{JSON.stringify(schema, null, 2)}</pre>
    </details>
  );
}

function EndpointSection({ endpoint }: { endpoint: Endpoint }) {
  const { t } = useTranslation('apidocs');
  const { operation } = endpoint;
  const parameters = operation.parameters ?? [];
  return (
    <section aria-labelledby={anchorOf(endpoint)}>
      <Heading3 id={anchorOf(endpoint)}>
        <code>{endpoint.method.toUpperCase()}</code> <code>{endpoint.path}</code>
      </Heading3>
      <Paragraph>{operation.summary ?? t('noSummary')}</Paragraph>
      {operation.description && <Paragraph>{operation.description}</Paragraph>}
      {parameters.length > 0 && (
        <Table>
          <caption className="stadshart-visually-hidden">
            {t('parameters')}: {endpoint.method.toUpperCase()} {endpoint.path}
          </caption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('parameter.name')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('parameter.in')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('parameter.type')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('parameter.required')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {parameters.map((parameter) => (
              <TableRow key={`${parameter.in}-${parameter.name}`}>
                <TableCell>
                  <code>{parameter.name}</code>
                </TableCell>
                <TableCell>{parameter.in}</TableCell>
                <TableCell>{describeType(parameter.schema)}</TableCell>
                <TableCell>{parameter.required ? t('parameter.yes') : t('parameter.no')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {Object.entries(operation.requestBody?.content ?? {}).map(([type, body]) => (
        <SchemaBlock key={type} title={t('requestBody', { type })} schema={body.schema} />
      ))}
      {Object.entries(operation.responses ?? {}).flatMap(([status, response]) =>
        Object.entries(response.content ?? {}).map(([type, body]) => (
          <SchemaBlock
            key={`${status}-${type}`}
            title={t('response', { status, type })}
            schema={body.schema}
          />
        )),
      )}
    </section>
  );
}

/** Lists every endpoint by tag with its parameters and the shapes of its request and answers. */
export function ApiReferencePage() {
  const { t } = useTranslation('apidocs');
  usePageTitle(t('title'));
  const [groups, setGroups] = useState<[string, Endpoint[]][] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let isCurrent = true;
    fetch(DOCUMENT_URL)
      .then((response) => response.json())
      .then((json: unknown) => {
        if (isCurrent) setGroups(groupEndpoints(openApiDocument.parse(json)));
      })
      .catch(() => isCurrent && setFailed(true));
    return () => {
      isCurrent = false;
    };
  }, []);

  return (
    <>
      <Heading1>{t('title')}</Heading1>
      <Paragraph>{t('intro')}</Paragraph>
      <Paragraph>
        <a className="utrecht-link" href={DOCUMENT_URL}>
          {t('download')}
        </a>
      </Paragraph>
      <Heading2>{t('rulesTitle')}</Heading2>
      <UnorderedList>
        <UnorderedListItem>{t('rules.session')}</UnorderedListItem>
        <UnorderedListItem>{t('rules.errors')}</UnorderedListItem>
        <UnorderedListItem>{t('rules.limits')}</UnorderedListItem>
      </UnorderedList>
      {failed && (
        <Alert type="error">
          <Paragraph>{t('failed')}</Paragraph>
        </Alert>
      )}
      {groups && (
        <>
          <nav aria-labelledby="api-contents">
            <Heading2 id="api-contents">{t('contents')}</Heading2>
            <UnorderedList>
              {groups.map(([tag]) => (
                <UnorderedListItem key={tag}>
                  <a className="utrecht-link" href={`#tag-${tag}`}>
                    {tag}
                  </a>
                </UnorderedListItem>
              ))}
            </UnorderedList>
          </nav>
          {groups.map(([tag, endpoints]) => (
            <section key={tag} aria-labelledby={`tag-${tag}`}>
              <Heading2 id={`tag-${tag}`}>{tag}</Heading2>
              {endpoints.map((endpoint) => (
                <EndpointSection key={anchorOf(endpoint)} endpoint={endpoint} />
              ))}
            </section>
          ))}
        </>
      )}
    </>
  );
}
