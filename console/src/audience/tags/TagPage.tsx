import { DeleteOutlined, EditOutlined, InboxOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Input, Popconfirm, Row, Space, Tabs, Upload } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useSession } from '../../access/SessionProvider';
import { customersApi, type CustomerSummary } from '../../customers/api';
import { CustomerName } from '../../customers/CustomerName';
import { ApiError } from '../../shared/api/client';
import { LoadMore } from '../../shared/components/LoadMore';
import { ProblemAlert } from '../../shared/components/ProblemAlert';
import { useApi } from '../../shared/hooks/useApi';
import { useCursorList } from '../../shared/hooks/useCursorList';
import { useFormat } from '../../shared/hooks/useFormat';
import { useSubmission } from '../../shared/hooks/useSubmission';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { PageHeader } from '../../shared/layout/PageHeader';
import { RecordPending } from '../../shared/layout/RecordPending';
import { audienceApi, type Assignment, type Tag, type ValueRule } from '../api';
import { CatalogProvider } from '../catalog';
import { type Definition } from '../condition/model';
import { CustomersTable } from '../CustomersTable';
import { DefinitionView } from '../DefinitionView';
import { TagEditor } from './TagEditor';
import { TagKindTag, TagValues } from './TagBits';
import { ListTable } from '../../shared/components/ListTable';


/** Whether operators assign the tag by hand: manual tags, and value tags without value rules. */
function isManual(tag: Tag): boolean {
  return tag.kind === 'MANUAL' || (tag.kind === 'VALUE' && !Array.isArray(tag.rule));
}

function AssignmentResult({ result }: { result: Assignment }) {
  const { t } = useI18n();
  const format = useFormat();
  return (
    <Alert
      className="form-alert"
      type={result.unknown.length > 0 ? 'warning' : 'success'}
      showIcon
      data-testid="assignment-result"
      title={t('tag.assigned', { count: format.number(result.assigned) })}
      description={
        result.unknown.length > 0 ? (
          <>
            <div>{t('tag.unknownCustomers', { count: format.number(result.unknown.length) })}</div>
            <ul className="problem-fields">
              {result.unknown.slice(0, 10).map((entry) => (
                <li key={entry.field}>{entry.detail}</li>
              ))}
            </ul>
          </>
        ) : undefined
      }
    />
  );
}

function AssignPanel({ tag, onChanged }: { tag: Tag; onChanged: () => void }) {
  const { t } = useI18n();
  const format = useFormat();
  const { can } = useSession();
  const needsValue = tag.kind === 'VALUE';
  const [value, setValue] = useState('');
  const [single, setSingle] = useState('');
  const [query, setQuery] = useState('');
  const [searched, setSearched] = useState<string>();
  const [selected, setSelected] = useState<number[]>([]);
  const [csv, setCsv] = useState('');
  const [csvFile, setCsvFile] = useState<string>();
  const submission = useSubmission();
  const busy = submission.submitting;
  const [result, setResult] = useState<Assignment>();
  const search = useApi(
    (signal) => (searched ? customersApi.search({ q: searched }, undefined, signal) : Promise.resolve({ items: [] as CustomerSummary[] })),
    [searched],
  );
  const run = (action: () => Promise<Assignment>, removal = false) => {
    setResult(undefined);
    return submission.submit(action, {
      success: (answer) => t(removal ? 'tag.removed' : 'tag.assigned', { count: format.number(answer.assigned) }),
      onSuccess: (answer) => {
        setResult(answer);
        onChanged();
      },
    });
  };
  const valueOf = () => (needsValue ? value.trim() || undefined : undefined);
  const valueInput = needsValue && (
    <Input value={value} onChange={(event) => setValue(event.target.value)} placeholder={t('tag.valueToAssign')} style={{ width: 200 }} data-testid="assign-value" />
  );
  if (!can('audience:write')) {
    return null;
  }
  return (
    <Card variant="borderless" className="section-card" title={t('tag.assignTitle')} data-testid="assign-panel">
      {submission.failure ? <ProblemAlert error={submission.failure} className="form-alert" /> : null}
      {result && <AssignmentResult result={result} />}
      <Tabs
        items={[
          {
            key: 'one',
            label: <span data-testid="assign-tab-one">{t('tag.assignOne')}</span>,
            children: (
              <Space wrap>
                <Input
                  value={single}
                  onChange={(event) => setSingle(event.target.value)}
                  placeholder={t('tag.customerReference')}
                  style={{ width: 320 }}
                  data-testid="assign-customer"
                  onPressEnter={() => single.trim() && run(() => audienceApi.assign(tag.id, [single.trim()], valueOf()))}
                />
                {valueInput}
                <Button
                  type="primary"
                  icon={<UserAddOutlined />}
                  loading={busy}
                  disabled={!single.trim()}
                  onClick={() => run(() => audienceApi.assign(tag.id, [single.trim()], valueOf()))}
                  data-testid="assign-submit"
                >
                  {t('tag.assign')}
                </Button>
                <Button danger disabled={!single.trim()} onClick={() => run(() => audienceApi.remove(tag.id, [single.trim()]), true)} data-testid="remove-submit">
                  {t('tag.remove')}
                </Button>
              </Space>
            ),
          },
          {
            key: 'search',
            label: <span data-testid="assign-tab-search">{t('tag.assignSearch')}</span>,
            children: (
              <>
                <Space wrap style={{ marginBottom: 12 }}>
                  <Input.Search
                    value={query}
                    onChange={(event) => setQuery(event.target.value)}
                    onSearch={(text) => {
                      setSearched(text.trim() || undefined);
                      setSelected([]);
                    }}
                    placeholder={t('tag.searchCustomers')}
                    style={{ width: 320 }}
                    enterButton
                    data-testid="assign-search"
                  />
                  {valueInput}
                  <Button
                    type="primary"
                    disabled={selected.length === 0}
                    loading={busy}
                    onClick={() => run(() => audienceApi.assign(tag.id, selected.map(String), valueOf()))}
                    data-testid="assign-selected"
                  >
                    {t('tag.assignSelected', { count: selected.length })}
                  </Button>
                </Space>
                {searched ? (
                  <ListTable<CustomerSummary>
                    loading={search.loading}
                    rows={search.data?.items ?? []}
                    scroll={{ y: 320 }}
                    rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(Number)) }}
                    data-testid="assign-search-results"
                    columns={[
                      { title: t('customer.name'), key: 'name', render: (_, customer) => <CustomerName id={customer.id} name={customer.displayName} /> },
                      { title: t('customer.phone'), dataIndex: 'phone', width: 160, render: (phone?: string) => phone ?? '—' },
                      { title: t('customer.orders'), dataIndex: 'orderCount', width: 90, align: 'right' },
                    ]}
                  />
                ) : (
                  <div className="muted">{t('tag.searchHint')}</div>
                )}
              </>
            ),
          },
          {
            key: 'csv',
            label: <span data-testid="assign-tab-csv">{t('tag.assignCsv')}</span>,
            children: (
              <Row gutter={16}>
                <Col xs={24} md={10}>
                  <Upload.Dragger
                    accept=".csv,text/csv,text/plain"
                    maxCount={1}
                    showUploadList={false}
                    beforeUpload={(file) => {
                      void file.text().then((text) => {
                        setCsv(text);
                        setCsvFile(file.name);
                      });
                      return false;
                    }}
                  >
                    <p className="ant-upload-drag-icon">
                      <InboxOutlined />
                    </p>
                    <p className="ant-upload-text">{csvFile ?? t('tag.csvDrop')}</p>
                    <p className="ant-upload-hint">{t('tag.csvFormat')}</p>
                  </Upload.Dragger>
                </Col>
                <Col xs={24} md={14}>
                  <Input.TextArea
                    value={csv}
                    onChange={(event) => setCsv(event.target.value)}
                    autoSize={{ minRows: 5, maxRows: 10 }}
                    placeholder={needsValue ? 'customer,value\n42,gold\nphone:+8613800138000,silver' : 'customer\n42\nemail:ann@example.com'}
                    className="json-view"
                    data-testid="assign-csv"
                  />
                  <Space className="csv-hint" wrap>
                    {needsValue && (
                      <Input value={value} onChange={(event) => setValue(event.target.value)} placeholder={t('tag.csvDefaultValue')} style={{ width: 220 }} />
                    )}
                    <Button type="primary" disabled={!csv.trim()} loading={busy} onClick={() => run(() => audienceApi.assignCsv(tag.id, csv, valueOf()))} data-testid="assign-csv-submit">
                      {t('tag.csvUpload', { lines: csv.split(/\r?\n/).filter((line) => line.trim()).length })}
                    </Button>
                  </Space>
                </Col>
              </Row>
            ),
          },
        ]}
      />
    </Card>
  );
}

function Members({ tag, version, onChanged }: { tag: Tag; version: number; onChanged: () => void }) {
  const { t } = useI18n();
  const format = useFormat();
  const { message } = App.useApp();
  const { can } = useSession();
  const list = useCursorList((cursor, signal) => audienceApi.tagMembers(tag.id, cursor, signal), [tag.id, version]);
  const manual = isManual(tag) && can('audience:write');
  const remove = async (customer: CustomerSummary) => {
    try {
      await audienceApi.remove(tag.id, [String(customer.id)]);
      message.success(t('tag.removed', { count: 1 }));
      onChanged();
    } catch (failure) {
      message.error(failure instanceof ApiError ? failure.message : String(failure));
    }
  };
  const count = typeof list.extra.total === 'number' ? list.extra.total : 0;
  return (
    <Card
      variant="borderless"
      className="section-card"
      title={
        <span>
          {t('tag.members')} <span className="tab-count" data-testid="tag-member-count">{format.number(count)}</span>
        </span>
      }
    >
      {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
      <CustomersTable
        customers={list.items}
        loading={list.loading}
        testId="tag-members"
        rowTestId="tag-member-row"
        emptyText={t('tag.noMembers')}
        actions={
          manual
            ? (customer) => (
                <Popconfirm title={t('tag.removeConfirm')} onConfirm={() => remove(customer)}>
                  <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                    {t('tag.remove')}
                  </Button>
                </Popconfirm>
              )
            : undefined
        }
      />
      <LoadMore shown={list.items.length} hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} />
    </Card>
  );
}

function ValueRules({ rules }: { rules: ValueRule[] }) {
  const { t } = useI18n();
  return (
    <ol className="definition-tree">
      {rules.map((rule, index) => (
        <li key={index}>
          <b>{rule.value}</b> — {rule.condition ? <DefinitionView condition={rule.condition} /> : <span className="muted">{t('tag.everyoneElse')}</span>}
        </li>
      ))}
    </ol>
  );
}

function TagDetail({ id }: { id: string }) {
  const { t } = useI18n();
  const format = useFormat();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { can } = useSession();
  const tag = useApi((signal) => audienceApi.tag(id, signal), [id]);
  const categories = useApi((signal) => audienceApi.categories(signal), []);
  const [editing, setEditing] = useState(false);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<unknown>();
  const crumbs = [{ title: t('nav.tags'), path: '/tags' }];
  const data = tag.data;
  if (tag.error || !data) {
    return <RecordPending kind="tag" id={id} breadcrumb={crumbs} error={tag.error} onRetry={tag.reload} skeletonRows={6} />;
  }
  const changed = () => {
    setVersion((value) => value + 1);
    tag.reload();
  };
  const remove = async () => {
    try {
      await audienceApi.deleteTag(data.id);
      message.success(t('tag.deleted'));
      navigate('/tags');
    } catch (failure) {
      setError(failure);
    }
  };
  const category = categories.data?.find((entry) => entry.id === data.categoryId)?.name;
  return (
    <>
      <PageHeader
        title={
          <span className="title-with-tags">
            <span data-testid="tag-title">{data.name}</span>
            <TagKindTag kind={data.kind} />
          </span>
        }
        documentTitle={data.name}
        breadcrumb={[...crumbs, { title: data.name }]}
        subtitle={data.description}
        extra={
          can('audience:write') && (
            <>
              <Popconfirm title={t('tag.deleteConfirm')} okButtonProps={{ danger: true }} onConfirm={remove}>
                <Button danger icon={<DeleteOutlined />}>
                  {t('action.delete')}
                </Button>
              </Popconfirm>
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="tag-edit">
                {t('action.edit')}
              </Button>
            </>
          )
        }
      />
      {error ? <ProblemAlert error={error} className="page-alert" /> : null}
      <Row gutter={16} className="equal-height-row">
        <Col xs={24} xl={isManual(data) ? 8 : 10}>
          <Card variant="borderless" className="section-card" title={t('tag.about')}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('tag.customers')}>
                <b data-testid="tag-customers">{format.number(data.customers)}</b>
              </Descriptions.Item>
              <Descriptions.Item label={t('tag.category')}>{category ?? t('tag.noCategory')}</Descriptions.Item>
              <Descriptions.Item label={t('tag.kind')}>{t(isManual(data) ? 'tag.keptByHand' : 'tag.keptByRule')}</Descriptions.Item>
              {data.kind === 'VALUE' && (
                <Descriptions.Item label={t('tag.values')}>
                  <TagValues tag={data} />
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('tag.createdAt')}>{format.dateTime(data.createdAt)}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        {isManual(data) && (
          <Col xs={24} xl={16}>
            <AssignPanel tag={data} onChanged={changed} />
          </Col>
        )}
        {!isManual(data) && (
          <Col xs={24} xl={14}>
            <Card variant="borderless" className="section-card" title={t('tag.rule')}>
              {Array.isArray(data.rule) ? <ValueRules rules={data.rule} /> : <DefinitionView condition={(data.rule as Definition | undefined)?.condition} />}
            </Card>
          </Col>
        )}
      </Row>
      <Members tag={data} version={version} onChanged={changed} />
      {editing && (
        <TagEditor
          tag={data}
          categories={categories.data ?? []}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            tag.setData(saved);
            setVersion((value) => value + 1);
          }}
        />
      )}
    </>
  );
}

/** One tag: what it is, who holds it, and, for tags kept by hand, adding and removing customers. */
export default function TagPage() {
  const { id = '' } = useParams();
  return (
    <CatalogProvider>
      <TagDetail key={id} id={id} />
    </CatalogProvider>
  );
}
