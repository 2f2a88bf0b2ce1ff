/**
 * What a publish to a schema registry did, item by item. Items go one at a
 * time, in order. A registry refusing one item is that item's result and the
 * others go on; a failure that would refuse every item (credentials refused,
 * no answer at all) stops the run, and the items after it are not tried.
 */

/** Why a registry refused, in its own words: its error code and message. */
export interface PublishFailure {
  code: string
  message: string
}

export interface PublishReport<Result> {
  results: Result[]
  /** Set when the run stopped early; `results` then holds only the items tried before. */
  stopped?: PublishFailure
}

/** Thrown by a publisher's step to end the whole run. */
export class PublishStopped extends Error {
  constructor(readonly failure: PublishFailure) {
    super(failure.message)
  }
}

export async function publishInTurn<Item, Result>(items: readonly Item[], publish: (item: Item) => Promise<Result>): Promise<PublishReport<Result>> {
  const results: Result[] = []
  for (const item of items) {
    try {
      results.push(await publish(item))
    } catch (error) {
      if (error instanceof PublishStopped) return { results, stopped: error.failure }
      throw error
    }
  }
  return { results }
}
