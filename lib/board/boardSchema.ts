import { createTLSchema, defaultBindingSchemas, defaultShapeSchemas } from '@tldraw/tlschema'
import { boundaryShapeMigrations, boundaryShapeProps, boundaryShapeType } from './shapes/boundaryShape.ts'
import { contextShapeMigrations, contextShapeProps, contextShapeType } from './shapes/contextShape.ts'
import { labelShapeMigrations, labelShapeProps, labelShapeType } from './shapes/labelShape.ts'
import { laneShapeMigrations, laneShapeProps, laneShapeType } from './shapes/laneShape.ts'
import { stickyShapeMigrations, stickyShapeProps, stickyShapeType } from './shapes/stickyShape.ts'

/**
 * Our shapes' props and migrations, for the browser's shape utils and for the
 * server, which validates and writes board records without React.
 */
export const boardShapeSchemas = {
  [stickyShapeType]: { props: stickyShapeProps, migrations: stickyShapeMigrations },
  [contextShapeType]: { props: contextShapeProps, migrations: contextShapeMigrations },
  [laneShapeType]: { props: laneShapeProps, migrations: laneShapeMigrations },
  [boundaryShapeType]: { props: boundaryShapeProps, migrations: boundaryShapeMigrations },
  [labelShapeType]: { props: labelShapeProps, migrations: labelShapeMigrations },
}

/** The whole board schema: tldraw's own shapes and bindings plus ours. */
export function createBoardSchema() {
  return createTLSchema({
    shapes: { ...defaultShapeSchemas, ...boardShapeSchemas },
    bindings: defaultBindingSchemas,
  })
}
