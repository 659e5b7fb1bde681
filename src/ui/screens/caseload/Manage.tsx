/** Managing the open household: rename, export it alone, delete it. */
import { useState } from 'preact/hooks';
import type { CaseHousehold } from '../../../state/caseload';
import { ConfirmAction } from '../../components/ConfirmAction';
import { useServices } from '../../context';
import { paths } from '../../router';
import { useCaseload } from './context';
import { vaultErrorText } from './messages';
import { NameField } from './NameField';
import { ExportForm } from './Transfer';

export function Manage({ household }: { household: CaseHousehold }) {
  const { i18n, router } = useServices();
  const { actions } = useCaseload();
  const [name, setName] = useState(household.name);
  const [renameError, setRenameError] = useState<string | null>(null);
  const [renamed, setRenamed] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);

  const rename = async (e: Event) => {
    e.preventDefault();
    setRenamed(false);
    try {
      await actions.rename(name);
      setRenameError(null);
      setRenamed(true);
    } catch (err) {
      setRenameError(vaultErrorText(i18n, err));
    }
  };
  const remove = async () => {
    try {
      await actions.remove();
      actions.notify({ key: 'caseload.household.deleted', values: { name: household.name } });
      router.navigate(paths.caseload);
    } catch (err) {
      setDeleteError(vaultErrorText(i18n, err));
    }
  };

  return (
    <section class="manage no-print" aria-labelledby="manage-title">
      <h2 id="manage-title">{i18n.t('caseload.household.manage')}</h2>
      <h3>{i18n.t('caseload.household.renameTitle')}</h3>
      <form class="inline-form" onSubmit={rename} noValidate>
        <NameField id="rename" value={name} error={renameError} onInput={setName} />
        <div class="actions">
          <button type="submit" class="button secondary">
            {i18n.t('caseload.household.rename')}
          </button>
        </div>
        <p role="status" class="transfer-status">
          {renamed ? i18n.t('caseload.household.renamed') : ''}
        </p>
      </form>
      <h3>{i18n.t('caseload.export.oneTitle')}</h3>
      <ExportForm id={household.id} />
      <h3>{i18n.t('caseload.household.deleteTitle')}</h3>
      {deleteError && (
        <p class="error-message" role="alert">
          {deleteError}
        </p>
      )}
      <ConfirmAction
        label={i18n.t('caseload.household.delete')}
        question={i18n.t('caseload.household.confirmDelete', { name: household.name })}
        yes={i18n.t('caseload.household.deleteYes')}
        no={i18n.t('caseload.household.deleteNo')}
        onConfirm={remove}
      />
    </section>
  );
}
