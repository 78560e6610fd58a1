import { FolderOutlined, PlusOutlined, SearchOutlined, TagsOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Menu, Modal, Row, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../../access/SessionProvider';
import { ProblemAlert } from '../../shared/components/ProblemAlert';
import { useApi } from '../../shared/hooks/useApi';
import { useFormat } from '../../shared/hooks/useFormat';
import { useSubmission } from '../../shared/hooks/useSubmission';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { PageHeader } from '../../shared/layout/PageHeader';
import { audienceApi, type Tag } from '../api';
import { CatalogProvider } from '../catalog';
import { TagEditor } from './TagEditor';
import { TagKindTag, TagValues } from './TagBits';
import { ListTable } from '../../shared/components/ListTable';

const ALL = 'all';
const NONE = 'none';

function CategoryDialog({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const submission = useSubmission();
  const save = () =>
    submission.submit(() => audienceApi.createCategory(name.trim(), description.trim() || undefined), {
      success: t('tag.categoryCreated'),
      onSuccess: onSaved,
    });
  return (
    <Modal open title={t('tag.newCategory')} onCancel={onClose} onOk={save} okText={t('action.create')} confirmLoading={submission.submitting} okButtonProps={{ disabled: !name.trim() }}>
      {submission.failure ? <ProblemAlert error={submission.failure} className="form-alert" /> : null}
      <Form layout="vertical">
        <Form.Item label={t('tag.categoryName')} required>
          <Input value={name} onChange={(event) => setName(event.target.value)} maxLength={60} data-testid="category-name" />
        </Form.Item>
        <Form.Item label={t('segment.description')}>
          <Input value={description} onChange={(event) => setDescription(event.target.value)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function TagList() {
  const { t } = useI18n();
  const format = useFormat();
  const navigate = useNavigate();
  const { can } = useSession();
  const tags = useApi((signal) => audienceApi.tags(signal), []);
  const categories = useApi((signal) => audienceApi.categories(signal), []);
  const [category, setCategory] = useState(ALL);
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState(false);
  const [newCategory, setNewCategory] = useState(false);
  const mayWrite = can('audience:write');
  const categoryName = (id?: number | null) => categories.data?.find((entry) => entry.id === id)?.name;
  const shown = useMemo(() => {
    const typed = query.trim().toLowerCase();
    return (tags.data ?? []).filter(
      (tag) =>
        (category === ALL || (category === NONE ? tag.categoryId == null : String(tag.categoryId) === category)) &&
        (!typed || tag.name.toLowerCase().includes(typed) || (tag.description ?? '').toLowerCase().includes(typed)),
    );
  }, [tags.data, category, query]);
  const uncategorised = (tags.data ?? []).filter((tag) => tag.categoryId == null).length;

  const columns: TableColumnsType<Tag> = [
    {
      title: t('tag.name'),
      dataIndex: 'name',
      render: (name: string, tag) => (
        <div className="segment-name-cell">
          <Link to={`/tags/${tag.id}`} data-testid="tag-link">
            {name}
          </Link>
          {tag.description && <span className="segment-summary">{tag.description}</span>}
        </div>
      ),
    },
    { title: t('tag.kind'), dataIndex: 'kind', width: 110, render: (kind: string) => <TagKindTag kind={kind} /> },
    { title: t('tag.category'), dataIndex: 'categoryId', width: 140, render: (id?: number) => categoryName(id) ?? <span className="muted">—</span> },
    {
      title: t('tag.customers'),
      dataIndex: 'customers',
      width: 120,
      align: 'right',
      sorter: (a, b) => a.customers - b.customers,
      render: (customers: number) => <span className="amount">{format.number(customers)}</span>,
    },
    { title: t('tag.values'), key: 'values', render: (_, tag) => (tag.kind === 'VALUE' ? <TagValues tag={tag} max={4} /> : <span className="muted">—</span>) },
    { title: t('tag.createdAt'), dataIndex: 'createdAt', width: 160, render: (at: string) => format.date(at) },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.tags')}
        subtitle={t('tag.listSubtitle')}
        extra={
          mayWrite && (
            <>
              <Button icon={<FolderOutlined />} onClick={() => setNewCategory(true)} data-testid="category-new">
                {t('tag.newCategory')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(true)} data-testid="tag-new">
                {t('tag.new')}
              </Button>
            </>
          )
        }
      />
      {tags.error ? <ProblemAlert error={tags.error} onRetry={tags.reload} className="page-alert" /> : null}
      <Row gutter={16}>
        <Col xs={24} lg={6} xxl={5}>
          <Card variant="borderless" className="side-card category-list" title={t('tag.categories')} size="small">
            <Menu
              mode="inline"
              selectedKeys={[category]}
              onClick={({ key }) => setCategory(key)}
              items={[
                { key: ALL, icon: <TagsOutlined />, label: <span>{t('filter.all')}<span className="category-count">{tags.data?.length ?? 0}</span></span> },
                ...(categories.data ?? []).map((entry) => ({
                  key: String(entry.id),
                  icon: <FolderOutlined />,
                  label: (
                    <span title={entry.description}>
                      {entry.name}
                      <span className="category-count">{entry.tags}</span>
                    </span>
                  ),
                })),
                { key: NONE, icon: <FolderOutlined />, label: <span>{t('tag.noCategory')}<span className="category-count">{uncategorised}</span></span> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={18} xxl={19}>
          <Card variant="borderless" className="table-card">
            <Input
              allowClear
              prefix={<SearchOutlined />}
              placeholder={t('tag.search')}
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              style={{ width: 280, marginBottom: 12 }}
            />
            <ListTable<Tag>
              size="large"
              columns={columns}
              rows={shown}
              loading={tags.loading}
              paged
              rowTestId="tag-row"
              onOpen={(tag) => navigate(`/tags/${tag.id}`)}
              empty={t(tags.data?.length ? 'tag.noMatch' : 'tag.empty')}
              data-testid="tags-table"
            />
          </Card>
        </Col>
      </Row>
      {editing && (
        <TagEditor
          categories={categories.data ?? []}
          defaultCategory={category !== ALL && category !== NONE ? Number(category) : undefined}
          onClose={() => setEditing(false)}
          onSaved={(tag) => {
            setEditing(false);
            navigate(`/tags/${tag.id}`);
          }}
        />
      )}
      {newCategory && (
        <CategoryDialog
          onClose={() => setNewCategory(false)}
          onSaved={() => {
            setNewCategory(false);
            categories.reload();
          }}
        />
      )}
    </>
  );
}

/** Tags by category, with their kind and how many customers hold them. */
export default function TagsPage() {
  return (
    <CatalogProvider>
      <TagList />
    </CatalogProvider>
  );
}
