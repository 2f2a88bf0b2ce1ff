'use client'

import { type Editor, useEditor } from 'tldraw'
import {
  type FieldPath,
  addField,
  moveField,
  parseEnumValues,
  removeField,
  updateField,
  usesEnumValues,
  usesNestedFields,
} from '@/lib/board/contractEdits'
import { limits } from '@/lib/board/limits'
import { type EventContract, type EventField, arrayItemTypes, fieldTypes, sensitivities } from '@/lib/board/eventContract'
import type { StickyShape } from '@/lib/board/shapes/stickyShape'

const sensitivityLabels = { none: 'None', internal: 'Internal', pii: 'PII', secret: 'Secret' } as const

function updateSticky(editor: Editor, shape: StickyShape, props: Partial<StickyShape['props']>) {
  editor.updateShape<StickyShape>({ id: shape.id, type: shape.type, props })
}

/** The contract of one domain event: name, description, version, producer and its data fields. */
export function EventContractPanel({ shape }: { shape: StickyShape }) {
  const editor = useEditor()
  const { contract } = shape.props
  const setContract = (next: EventContract) => updateSticky(editor, shape, { contract: next })

  return (
    <section className="es-panel" aria-label="Event contract">
      <h2>Domain event</h2>
      <label>
        Name
        <input value={shape.props.text} onChange={(e) => updateSticky(editor, shape, { text: e.target.value })} data-testid="event-name" />
      </label>
      <label>
        Description
        <textarea value={contract.description} rows={2} onChange={(e) => setContract({ ...contract, description: e.target.value })} />
      </label>
      <div className="es-panel__row">
        <label>
          Version
          <input
            type="number"
            min={1}
            value={contract.version}
            onChange={(e) => setContract({ ...contract, version: Math.max(1, Math.floor(Number(e.target.value) || 1)) })}
          />
        </label>
        <label>
          Produced by
          <input value={contract.producer} placeholder="aggregate or context" onChange={(e) => setContract({ ...contract, producer: e.target.value })} />
        </label>
      </div>
      <label className="es-panel__check">
        <input type="checkbox" checked={shape.props.pivotal} onChange={(e) => updateSticky(editor, shape, { pivotal: e.target.checked })} />
        Pivotal event
      </label>

      <h3>Data fields</h3>
      <table className="es-fields" aria-label="Data fields">
        <thead>
          <tr>
            <th>Name</th>
            <th>Type</th>
            <th title="Required">Req.</th>
            <th>Sensitivity</th>
            <th />
          </tr>
        </thead>
        <tbody>
          <FieldList fields={contract.fields} parent={[]} number="" contract={contract} setContract={setContract} />
        </tbody>
      </table>
      <button type="button" className="es-panel__add" onClick={() => setContract(addField(contract, crypto.randomUUID()))}>
        Add field
      </button>
    </section>
  )
}

interface FieldProps {
  contract: EventContract
  setContract: (next: EventContract) => void
}

/** The rows of one list of fields; an object's nested fields follow it, numbered 1.1, 1.2, … */
function FieldList({ fields, parent, number, ...props }: FieldProps & { fields: EventField[]; parent: FieldPath; number: string }) {
  return fields.map((field, index) => (
    <FieldRows key={field.id} field={field} path={[...parent, field.id]} number={`${number}${index + 1}`} {...props} />
  ))
}

function FieldRows({ field, path, number, contract, setContract }: FieldProps & { field: EventField; path: FieldPath; number: string }) {
  const setField = (change: Partial<EventField>) => setContract(updateField(contract, path, change))
  const depth = path.length - 1
  const n = number
  return (
    <>
      <tr data-testid={`field-${n}`}>
        <td style={{ paddingLeft: depth * 14 }}>
          <input aria-label={`Field ${n} name`} value={field.name} placeholder="orderId" onChange={(e) => setField({ name: e.target.value })} />
        </td>
        <td>
          <select aria-label={`Field ${n} type`} value={field.type} onChange={(e) => setField({ type: e.target.value as EventField['type'] })}>
            {fieldTypes.map((type) => (
              <option key={type}>{type}</option>
            ))}
          </select>
          {field.type === 'array' && (
            <select aria-label={`Field ${n} item type`} value={field.itemType} onChange={(e) => setField({ itemType: e.target.value as EventField['itemType'] })}>
              {arrayItemTypes.map((type) => (
                <option key={type} value={type}>
                  of {type}
                </option>
              ))}
            </select>
          )}
        </td>
        <td>
          <input aria-label={`Field ${n} required`} type="checkbox" checked={field.required} onChange={(e) => setField({ required: e.target.checked })} />
        </td>
        <td>
          <select aria-label={`Field ${n} sensitivity`} value={field.sensitivity} onChange={(e) => setField({ sensitivity: e.target.value as EventField['sensitivity'] })}>
            {sensitivities.map((s) => (
              <option key={s} value={s}>
                {sensitivityLabels[s]}
              </option>
            ))}
          </select>
        </td>
        <td className="es-fields__actions">
          <button type="button" title="Move up" aria-label={`Move field ${n} up`} onClick={() => setContract(moveField(contract, path, -1))}>
            ↑
          </button>
          <button type="button" title="Remove field" aria-label={`Remove field ${n}`} onClick={() => setContract(removeField(contract, path))}>
            ×
          </button>
        </td>
      </tr>
      <tr className="es-fields__details">
        <td colSpan={5} style={{ paddingLeft: depth * 14 }}>
          {usesEnumValues(field) && (
            <input
              aria-label={`Field ${n} values`}
              placeholder="values, comma separated"
              defaultValue={field.enumValues.join(', ')}
              onBlur={(e) => setField({ enumValues: parseEnumValues(e.target.value) })}
            />
          )}
          <input aria-label={`Field ${n} description`} placeholder="description" value={field.description} onChange={(e) => setField({ description: e.target.value })} />
          <input aria-label={`Field ${n} example`} placeholder="example" value={field.example} onChange={(e) => setField({ example: e.target.value })} />
          {usesNestedFields(field) && path.length < limits.fieldDepth && (
            <button type="button" className="es-fields__nested" onClick={() => setContract(addField(contract, crypto.randomUUID(), path))}>
              Add field to {field.name || `field ${n}`}
            </button>
          )}
        </td>
      </tr>
      {usesNestedFields(field) && <FieldList fields={field.fields} parent={path} number={`${n}.`} contract={contract} setContract={setContract} />}
    </>
  )
}
